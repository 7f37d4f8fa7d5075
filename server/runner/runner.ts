import { randomUUID } from 'node:crypto'
import { systemClock } from '../../runtime/engine/defaults.ts'
import { recoverRuns } from '../queue/recover.ts'
import { createApprovalCoordinator } from './approvals.ts'
import { type ClaimLoop, createClaimLoop } from './claim-loop.ts'
import { type ExecuteContext, executeRun, type RunExecution } from './execute-run.ts'
import { createPublishedPlaybooks } from './published-playbooks.ts'
import { createRunControl } from './run-control.ts'
import type { Runner, RunnerOptions } from './types.ts'

/**
 * The in-process worker pool: recovers what a crash left, claims queued runs (woken by the queue,
 * bounded by `concurrency`), executes them with the engine, records every event and checkpoint, and
 * runs the approval gates and their timeouts. Also the place routes call to queue, cancel, retry and
 * decide.
 * @example
 * const runner = createRunner({ stores, queue, registry, engineDeps: { http, evaluator: sandbox, scripts: sandbox }, bus })
 * await runner.start()
 * const runId = await runner.enqueueRun({ playbookId: 'triage', mode: 'production', trigger: alert, requestedBy: 'webhook' })
 */
export function createRunner(options: RunnerOptions): Runner {
  const concurrency = options.concurrency ?? 32
  const leaseMs = options.leaseMs ?? 30_000
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new Error(`runner concurrency must be a positive integer, got ${concurrency}`)
  if (!(leaseMs > 0)) throw new Error(`runner leaseMs must be positive, got ${leaseMs}`)
  const { stores, queue } = options
  const clock = options.clock ?? systemClock
  const workerId = options.workerId ?? `worker-${process.pid}-${randomUUID().slice(0, 8)}`
  const exclusive = options.exclusive ?? true
  const drainMs = options.drainMs ?? 10_000
  const onError = options.onError ?? ((err, context) => console.error(`[runner] ${context}:`, err))
  const executions = new Map<string, RunExecution>()
  let reaper: unknown
  let started = false

  const approvals = createApprovalCoordinator({
    approvals: stores.approvals,
    runs: stores.runs,
    audit: stores.audit,
    clock,
    queue,
    onError,
  })

  const ctx: ExecuteContext = {
    stores,
    queue,
    registry: options.registry,
    published: createPublishedPlaybooks(stores.playbooks, options.registry),
    engineDeps: options.engineDeps ?? {},
    bus: options.bus,
    clock,
    leaseMs,
    workerId,
    approvals,
    onRunFinished: options.onRunFinished,
    onError,
  }

  const loop: ClaimLoop = createClaimLoop({
    queue,
    workerId,
    concurrency,
    clock,
    pollMs: options.pollMs ?? 5000,
    execute(record) {
      const exec = executeRun(ctx, record)
      executions.set(record.id, exec)
      return exec.done.finally(() => executions.delete(record.id))
    },
    release: async (record) => {
      await stores.runs.renewLease(record.id, workerId, 0)
    },
    onError: (err) => onError(err, 'claim loop'),
  })

  // Several processes on one queue: runs of a worker that died come back once their lease expires.
  const reap = () => {
    reaper = clock.setTimeout(async () => {
      try {
        if ((await recoverRuns(stores.runs)).requeued.length > 0) loop.kick()
      } catch (err) {
        onError(err, 'lease reaper')
      }
      if (started) reap()
    }, leaseMs)
  }

  const control = createRunControl({
    stores,
    queue,
    clock,
    bus: options.bus,
    executions,
    onRunFinished: options.onRunFinished,
    onRetry: options.onRetry,
  })

  return {
    async start() {
      if (started) return
      started = true
      await recoverRuns(stores.runs, { ignoreLeases: exclusive })
      await approvals.start()
      loop.start()
      if (!exclusive) reap()
    },

    async stop() {
      if (!started) return
      started = false
      loop.stop()
      approvals.stop()
      if (reaper !== undefined) clock.clearTimeout(reaper)
      const draining = [...executions.values()]
      let timer: ReturnType<typeof setTimeout> | undefined
      await Promise.race([
        Promise.all(draining.map((e) => e.done)),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, drainMs)
        }),
      ])
      clearTimeout(timer)
      const rest = [...executions.values()]
      await Promise.all(
        rest.map(async (e) => {
          await e.detach()
          await e.done
          await stores.runs.renewLease(e.runId, workerId, 0)
        }),
      )
    },

    enqueueRun: control.enqueueRun,
    cancel: control.cancel,
    retry: control.retry,
    decide: (approvalId, req) => approvals.decide(approvalId, req),

    get active() {
      return loop.active
    },
  }
}
