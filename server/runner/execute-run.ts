import { createEngine, type Engine } from '../../runtime/engine/engine.ts'
import type { Clock, RunError, RunEvent, RunResult, RunState } from '../../runtime/engine/types.ts'
import type { NodeRegistry, SecretResolver } from '../../runtime/node-type.ts'
import type { RunQueue } from '../queue/run-queue.ts'
import { createRunRecorder } from '../store/run-recorder.ts'
import type { RunRecord } from '../store/run-store.ts'
import type { ApprovalCoordinator } from './approvals.ts'
import { cancelIdleRun } from './cancel-idle.ts'
import { RunnerError } from './errors.ts'
import { startLease } from './lease.ts'
import { createPlaybookLoader, loadRunPlaybook, type PlaybookSource } from './load-playbook.ts'
import type { PublishedPlaybooks } from './published-playbooks.ts'
import { buildRetryState } from './retry-state.ts'
import type { RunEventSink, RunFinished, RunnerEngineDeps, RunnerStores } from './types.ts'

/** What executing a run needs; built once by the runner. */
export interface ExecuteContext {
  stores: RunnerStores
  queue: RunQueue
  registry: NodeRegistry
  /** Published versions, parsed once. */
  published: PublishedPlaybooks
  engineDeps: RunnerEngineDeps
  bus?: RunEventSink
  clock: Clock
  leaseMs: number
  workerId: string
  approvals: ApprovalCoordinator
  onRunFinished?(run: RunFinished): void
  onError(err: unknown, context: string): void
}

/** A run executing in this process. */
export interface RunExecution {
  readonly runId: string
  /** Aborts the run: the engine ends it `cancelled`, and that is recorded. */
  cancel(): void
  /**
   * Stops recording, then aborts: the run keeps its last stored checkpoint and is recovered later (a
   * shutdown, or a lost lease). Resolves when what was buffered before is stored.
   */
  detach(): Promise<void>
  /** Settles when the run is recorded as ended or waiting (or detached); never rejects. */
  readonly done: Promise<void>
}

type ContinueOpts = {
  signal: AbortSignal
  onEvent(e: RunEvent): void
  onCheckpoint(s: RunState): void
}

/**
 * Executes one claimed run: a fresh start, the resume of a woken waiting run with its decision, the
 * recovery of a run requeued after a crash, or a retry continuing from a rebuilt state. Events and
 * checkpoints go through a batched `RunRecorder` and to the bus; the lease is renewed meanwhile.
 * @example const exec = executeRun(ctx, await queue.claim(workerId)); await exec.done
 */
export function executeRun(ctx: ExecuteContext, record: RunRecord): RunExecution {
  const runId = record.id
  const controller = new AbortController()
  // Events reach the bus only after they are stored (the SSE replay contract).
  const recorder = createRunRecorder(ctx.stores.runs, runId, {
    onPersisted: (events) => {
      for (const ev of events) ctx.bus?.publish(runId, ev)
    },
  })
  const waits: Promise<void>[] = []
  let detached = false
  // Once the engine has settled, a refused renewal only means the run already left `running`.
  let settled = false
  let nextSeq = record.state?.seq ?? 0

  const opts: ContinueOpts = {
    signal: controller.signal,
    onEvent(ev) {
      if (detached) return
      nextSeq = ev.seq + 1
      recorder.onEvent(ev)
      if (ev.type === 'node.waiting')
        waits.push(
          ctx.approvals
            .onWaiting(runId, ev.nodeId, ev.wait)
            .catch((err) => ctx.onError(err, `approval request of run ${runId}`)),
        )
    },
    onCheckpoint(s) {
      if (!detached) recorder.onCheckpoint(s)
    },
  }

  const detach = async () => {
    if (detached) return
    detached = true
    controller.abort(new Error('the worker detached from the run'))
    await recorder.flush().catch((err) => ctx.onError(err, `flush of detached run ${runId}`))
  }

  const cancel = () => controller.abort(new Error('run cancelled'))
  // A cancel asked while the run was queued for recovery or resume (its worker had gone): honour it.
  if (record.cancelRequestedAt !== null) cancel()

  const lease = startLease({
    clock: ctx.clock,
    everyMs: Math.max(1, Math.floor(ctx.leaseMs / 3)),
    renew: () => ctx.queue.renew(runId, ctx.workerId),
    onLost: () => {
      if (!settled) void detach()
    },
    onCancelRequested: () => {
      if (!settled && !detached) cancel()
    },
    onError: (err) => ctx.onError(err, `lease renewal of run ${runId}`),
  })

  // Only a run that has waited can have open approvals: other runs skip the write.
  const mayHaveApprovals = () =>
    waits.length > 0 ||
    record.resume !== undefined ||
    Object.values(record.state?.nodes ?? {}).some((n) => n.status === 'waiting')

  /** The run ended: gates it left open can no longer be decided. */
  const closeApprovals = async () => {
    if (!mayHaveApprovals()) return
    await ctx.stores.approvals
      .closeForRun(runId, 'cancelled')
      .catch((err) => ctx.onError(err, `closing the approvals of run ${runId}`))
  }

  /** The run went waiting just as another process asked to cancel it: cancel it now it is idle. */
  const cancelIfRequested = async (): Promise<boolean> => {
    const row = await ctx.stores.runs.get(runId)
    if (row?.status !== 'waiting' || row.cancelRequestedAt === null) return false
    return cancelIdleRun({ ...ctx, runs: ctx.stores.runs, approvals: ctx.stores.approvals }, row)
  }

  const finished = (state: Pick<RunState, 'status' | 'startedAt' | 'finishedAt'>, error?: RunError) => {
    if (state.status === 'running' || state.status === 'waiting') return
    const end = state.finishedAt ?? ctx.clock.now()
    ctx.onRunFinished?.({
      runId,
      playbookId: record.playbookId,
      mode: record.mode,
      status: state.status,
      durationMs: Math.max(0, end - state.startedAt),
      ...(error ? { error } : {}),
    })
  }

  async function fail(err: unknown): Promise<void> {
    const error: RunError =
      err instanceof RunnerError
        ? { code: err.code, message: err.message }
        : {
            code: 'INTERNAL',
            message: `the run failed unexpectedly: ${(err as Error)?.message ?? String(err)}`,
          }
    if (!(err instanceof RunnerError)) ctx.onError(err, `run ${runId}`)
    await recorder.flush().catch(() => {})
    const at = ctx.clock.now()
    const startedAt = record.startedAt ?? at
    const event: RunEvent = {
      type: 'run.finished',
      runId,
      seq: nextSeq,
      at,
      status: 'failed',
      error,
      durationMs: Math.max(0, at - startedAt),
    }
    await ctx.stores.runs.record(runId, { events: [event], finish: { status: 'failed', error, at } })
    ctx.bus?.publish(runId, event)
    await closeApprovals()
    finished({ status: 'failed', startedAt, finishedAt: at }, error)
  }

  const done = (async () => {
    try {
      const result = await launch(ctx, record, opts)
      settled = true
      if (detached) return
      await Promise.all(waits)
      await recorder.finish(result, ctx.clock.now())
      if (result.status === 'waiting') {
        if (!(await cancelIfRequested())) await ctx.approvals.reconcile(runId)
      } else {
        await closeApprovals()
        finished(result.state, result.error)
      }
    } catch (err) {
      if (!detached) await fail(err).catch((e) => ctx.onError(e, `recording the failure of run ${runId}`))
    } finally {
      lease.stop()
    }
  })()

  return { runId, cancel, detach, done }
}

function engineFor(ctx: ExecuteContext, record: RunRecord): Engine {
  const { casesFor, ...engineDeps } = ctx.engineDeps
  return createEngine({
    ...engineDeps,
    cases: casesFor?.(record.id),
    registry: ctx.registry,
    clock: ctx.clock,
    secrets: ctx.engineDeps.secrets ?? auditedSecrets(ctx, record.id),
    playbooks: createPlaybookLoader(sourceOf(ctx), record.mode),
  })
}

function sourceOf(ctx: ExecuteContext): PlaybookSource {
  return { playbooks: ctx.stores.playbooks, registry: ctx.registry, published: ctx.published }
}

/** Credentials for one run, each use in the audit log (which names the run, never the value). */
function auditedSecrets(ctx: ExecuteContext, runId: string): SecretResolver | undefined {
  const { credentials, audit } = ctx.stores
  return credentials?.resolver((name, found) => {
    audit
      .append({ actor: `run:${runId}`, action: 'credential.use', target: name, details: { runId, found } })
      .catch((err) => ctx.onError(err, `audit of credential use by run ${runId}`))
  })
}

/** Chooses how to continue the run from what its row holds. */
async function launch(ctx: ExecuteContext, record: RunRecord, opts: ContinueOpts): Promise<RunResult> {
  const engine = engineFor(ctx, record)
  const { state, resume } = record
  if (state) {
    // A decision for a node that no longer waits (a stale wake-up) is dropped: recover re-derives.
    if (resume && state.status === 'waiting' && state.nodes[resume.nodeId]?.status === 'waiting') {
      const prepared = await ctx.approvals.prepareResume(state, resume.nodeId)
      return engine.resume(prepared, resume.nodeId, resume.value, opts)
    }
    return engine.recover(state, opts)
  }
  if (record.retryOfRunId && record.retryFromNode) {
    const old = await ctx.stores.runs.get(record.retryOfRunId)
    if (!old?.state)
      throw new RunnerError('NOT_FOUND', `run ${record.retryOfRunId} to retry has no stored state`)
    const retry = buildRetryState(old.state, {
      runId: record.id,
      fromNode: record.retryFromNode,
      now: ctx.clock.now(),
    })
    return engine.recover(retry, opts)
  }
  const playbook = await loadRunPlaybook(sourceOf(ctx), {
    playbookId: record.playbookId,
    version: record.version,
    mode: record.mode,
  })
  return engine.start(playbook, {
    ...opts,
    runId: record.id,
    mode: record.mode,
    trigger: record.trigger,
    ...(record.simulate && record.mode === 'test' ? { simulate: record.simulate } : {}),
  })
}
