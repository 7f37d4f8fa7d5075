import type { Clock } from '../../runtime/engine/types.ts'
import type { RunQueue } from '../queue/run-queue.ts'
import { newId } from '../store/deps.ts'
import type { RunDetail } from '../store/run-store.ts'
import { type CancelIdleDeps, cancelIdleRun } from './cancel-idle.ts'
import { RunnerError } from './errors.ts'
import type { RunExecution } from './execute-run.ts'
import type {
  EnqueueRequest,
  RunEventSink,
  RunFinished,
  Runner,
  RunnerOptions,
  RunnerStores,
} from './types.ts'

const TERMINAL = new Set(['succeeded', 'failed', 'cancelled', 'timed_out'])

export interface RunControlOptions {
  stores: RunnerStores
  queue: RunQueue
  clock: Clock
  bus?: RunEventSink
  /** Runs executing in this process, by id. */
  executions: ReadonlyMap<string, RunExecution>
  onRunFinished?(run: RunFinished): void
  onRetry?: RunnerOptions['onRetry']
}

/** The run operations routes, webhooks and schedules call. */
export type RunControl = Pick<Runner, 'enqueueRun' | 'cancel' | 'retry'>

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * Queueing, cancelling and retrying runs. Production runs are pinned to a published version when
 * queued, so a draft never answers a production trigger; the run row is stored before the id is
 * returned (a webhook answered 2xx is a run that exists).
 * @example const runId = await control.enqueueRun({ playbookId: 'triage', mode: 'production', trigger: alert, requestedBy: 'webhook' })
 */
export function createRunControl(opts: RunControlOptions): RunControl {
  const { stores, queue, clock } = opts
  const { runs, playbooks, audit } = stores

  // From the store's in-memory head: versions are numbered 1…latest without gaps and never deleted.
  async function pickVersion(req: EnqueueRequest): Promise<number | null> {
    const id = req.playbookId
    const head = await playbooks.head(id)
    if (!head) throw new RunnerError('NOT_FOUND', `playbook "${id}" does not exist`)
    if (req.version === undefined && req.mode === 'test') return null
    const latest = head.latestVersion
    if (req.version !== undefined) {
      if (!Number.isInteger(req.version) || req.version < 1 || req.version > (latest ?? 0))
        throw new RunnerError('NOT_FOUND', `playbook "${id}" has no version ${req.version}`)
      return req.version
    }
    if (latest === null)
      throw new RunnerError(
        'NOT_PUBLISHED',
        `playbook "${id}" has no published version: production runs execute published versions only (publish it, or start a test run)`,
      )
    return latest
  }

  const idle: CancelIdleDeps = {
    runs,
    approvals: stores.approvals,
    clock,
    bus: opts.bus,
    onRunFinished: opts.onRunFinished,
  }

  return {
    async enqueueRun(req) {
      if (req.simulate !== undefined && req.mode !== 'test')
        throw new RunnerError('INVALID_REQUEST', 'simulate applies to test runs only')
      const version = await pickVersion(req)
      const run = await queue.enqueue({
        ...(req.runId !== undefined ? { id: req.runId } : {}),
        playbookId: req.playbookId,
        version,
        mode: req.mode,
        trigger: req.trigger ?? null,
        createdBy: req.requestedBy,
        ...(req.simulate !== undefined ? { simulate: req.simulate } : {}),
      })
      if (req.mode === 'production')
        await audit.append({
          actor: req.requestedBy,
          action: 'run.start',
          target: run.id,
          details: { playbookId: req.playbookId, version },
        })
      return run.id
    },

    async cancel(runId, { by }) {
      const done = async (status: 'cancelled' | 'cancelling') => {
        await audit.append({ actor: by, action: 'run.cancel', target: runId, details: { status } })
        return { status }
      }
      // A claim can land between reading the row and cancelling it: look again a few times.
      let run: RunDetail | undefined
      for (let attempt = 0; attempt < 3; attempt++) {
        const exec = opts.executions.get(runId)
        if (exec) {
          exec.cancel()
          return done('cancelling')
        }
        run = await runs.get(runId)
        if (!run) throw new RunnerError('NOT_FOUND', `run ${runId} does not exist`)
        if (TERMINAL.has(run.status))
          throw new RunnerError('INVALID_STATE', `run ${runId} has already ended (${run.status})`)
        if ((run.status === 'queued' || run.status === 'waiting') && (await cancelIdleRun(idle, run)))
          return done('cancelled')
        // Running on another worker (or process): it aborts the run at its next lease renewal.
        if (run.status === 'running' && (await runs.requestCancel(runId, clock.now())))
          return done('cancelling')
        await nextTick()
      }
      throw new RunnerError('INVALID_STATE', `run ${runId} changed state while being cancelled: try again`)
    },

    async retry(runId, { by, fromNode }) {
      const old = await runs.get(runId)
      if (!old) throw new RunnerError('NOT_FOUND', `run ${runId} does not exist`)
      if (!TERMINAL.has(old.status))
        throw new RunnerError(
          'INVALID_STATE',
          `run ${runId} is ${old.status}: only an ended run can be retried`,
        )
      if (fromNode !== undefined) {
        if (!old.state)
          throw new RunnerError('INVALID_STATE', `run ${runId} never started: retry it without a node`)
        if (!old.state.playbook.nodes.some((n) => n.id === fromNode))
          throw new RunnerError('INVALID_REQUEST', `run ${runId}'s playbook has no node "${fromNode}"`)
      }
      const id = newId()
      await opts.onRetry?.({ retryOf: old.id, runId: id, by })
      const run = await queue.enqueue({
        id,
        playbookId: old.playbookId,
        version: old.version,
        mode: old.mode,
        trigger: old.trigger,
        retryOfRunId: old.id,
        ...(fromNode !== undefined ? { retryFromNode: fromNode } : {}),
        ...(old.simulate ? { simulate: old.simulate } : {}),
        createdBy: by,
      })
      await audit.append({
        actor: by,
        action: 'run.retry',
        target: run.id,
        details: {
          retryOf: old.id,
          fromNode: fromNode ?? null,
          playbookId: old.playbookId,
          version: old.version,
        },
      })
      return run.id
    },
  }
}
