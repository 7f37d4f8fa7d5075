import type { Clock } from '../../runtime/engine/types.ts'
import type { NodeRegistry } from '../../runtime/node-type.ts'
import { caseActionsFor } from '../cases/case-actions.ts'
import type { EventBus } from '../events/bus.ts'
import type { Metrics } from '../metrics/metrics.ts'
import { createRunQueue } from '../queue/run-queue.ts'
import { createRunner, type Runner } from '../runner/index.ts'
import type { Stores } from '../store/index.ts'
import type { OutsideWorld } from './outside-world.ts'

/** What the server hands the runner. */
export interface RunnerFactoryInput {
  stores: Stores
  registry: NodeRegistry
  bus: EventBus
  metrics: Metrics
  clock: Clock
  world: OutsideWorld
  concurrency?: number
  log: (level: 'error', msg: string, fields?: Record<string, unknown>) => void
}

/**
 * The one place the server constructs its run worker: the queue over the run store, the engine's
 * outside world, the event fan-out, metrics on every finished run. Secrets come from the credential
 * store (the runner audits each use); `action.case` reaches the case store through `caseActionsFor`.
 * @example const runner = buildRunner({ stores, registry, bus, metrics, clock, world, log })
 */
export function buildRunner(input: RunnerFactoryInput): Runner {
  const { stores, world } = input
  return createRunner({
    stores: {
      runs: stores.runs,
      playbooks: stores.playbooks,
      approvals: stores.approvals,
      audit: stores.audit,
      credentials: stores.credentials,
    },
    queue: createRunQueue(stores.runs, { now: () => input.clock.now() }),
    registry: input.registry,
    engineDeps: {
      http: world.http,
      mail: world.mail,
      evaluator: world.sandbox,
      scripts: world.sandbox,
      casesFor: (runId) => caseActionsFor(stores.cases, runId),
    },
    bus: input.bus,
    clock: input.clock,
    concurrency: input.concurrency,
    onRunFinished: (run) => input.metrics.recordRun(run),
    // A retry works on the same cases as the run it retries (its containment counts for them).
    onRetry: ({ retryOf, runId, by }) => stores.cases.linkRetry(retryOf, runId, { name: by, human: true }),
    onError: (err, context) =>
      input.log('error', 'runner', { context, error: err instanceof Error ? err.message : String(err) }),
  })
}
