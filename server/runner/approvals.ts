import type { Clock, RunState } from '../../runtime/engine/types.ts'
import type { Json } from '../../runtime/node-type.ts'
import type { RunQueue } from '../queue/run-queue.ts'
import type { Approval, ApprovalStore } from '../store/approval-store.ts'
import type { AuditLog } from '../store/audit-log.ts'
import type { RunStore } from '../store/run-store.ts'
import { createDeadlineTimer } from './deadline-timer.ts'
import { RunnerError } from './errors.ts'
import type { DecideRequest } from './types.ts'

/** What `flow.approval` puts in its node's `wait` (the fields the server reads). */
interface ApprovalWait {
  kind: 'approval'
  approvers?: { users?: string[]; roles?: string[] }
  required?: number
  timeoutAt?: string
  approvals?: { by: string; comment: string | null; at: string }[]
}

const isApprovalWait = (wait: unknown): wait is ApprovalWait =>
  typeof wait === 'object' && wait !== null && (wait as { kind?: unknown }).kind === 'approval'

/** Approval gates of waiting runs: rows, decisions, wake-ups and durable timeouts. */
export interface ApprovalCoordinator {
  /** A node started waiting: creates its approval row once (idempotent across recoveries). */
  onWaiting(runId: string, nodeId: string, wait: Json): Promise<void>
  /** Checks the approver, records the decision, wakes the run when the approval resolves. */
  decide(approvalId: string, req: DecideRequest): Promise<{ approval: Approval; resolved: boolean }>
  /** The state to resume with: the node's `wait.approvals` filled from the store's quorum decisions. */
  prepareResume(state: RunState, nodeId: string): Promise<RunState>
  /** Wakes a waiting run whose approval resolved while it was still running (or before a crash). */
  reconcile(runId: string): Promise<void>
  /** `reconcile` for every waiting run, and re-arms the timeout timer: call at start. */
  start(): Promise<void>
  stop(): void
}

export interface ApprovalCoordinatorOptions {
  approvals: ApprovalStore
  runs: RunStore
  audit: AuditLog
  clock: Clock
  /** Puts a woken run back in the queue and tells the queue's subscribers (the claim loops). */
  queue: Pick<RunQueue, 'wake'>
  onError(err: unknown, context: string): void
}

/** The value `flow.approval`'s `resume` takes for a resolved approval. */
function resumeValue(a: Approval): unknown {
  if (a.status === 'timed_out') return { timeout: true }
  const wanted = a.status === 'approved' ? 'approve' : 'reject'
  const last = a.decisions.filter((d) => d.decision === wanted).at(-1)
  return {
    decision: wanted,
    by: last?.actor ?? 'unknown',
    ...(last?.comment ? { comment: last.comment } : {}),
  }
}

/**
 * The server's side of `flow.approval`. The node holds the request; the `ApprovalStore` holds the
 * decisions and decides quorum. The run is woken only when the approval resolves, with the node's
 * approval list filled from the store first, so the node reaches the same verdict as the store.
 * @example const approvals = createApprovalCoordinator({ approvals, runs, audit, clock, queue, onError })
 */
export function createApprovalCoordinator(opts: ApprovalCoordinatorOptions): ApprovalCoordinator {
  const { approvals, runs, audit, clock } = opts

  const wake = (a: Approval): Promise<boolean> =>
    opts.queue.wake(a.runId, { nodeId: a.nodeId, value: resumeValue(a) })

  const timer = createDeadlineTimer({
    clock,
    next: () => approvals.nextTimeout(),
    async fire(now) {
      for (const a of await approvals.expire(now)) {
        await audit.append({
          actor: 'system',
          action: 'approval.timeout',
          target: a.id,
          details: { runId: a.runId, nodeId: a.nodeId },
        })
        await wake(a)
      }
    },
    onError: (err) => opts.onError(err, 'approval timeout'),
  })

  async function reconcile(runId: string): Promise<void> {
    const run = await runs.get(runId)
    if (run?.status !== 'waiting' || !run.state) return
    const settled = (await approvals.list({ runId })).filter((a) => a.status !== 'pending')
    for (const a of settled) {
      if (run.state.nodes[a.nodeId]?.status !== 'waiting') continue
      if (await wake(a)) return
    }
  }

  return {
    async onWaiting(runId, nodeId, wait) {
      if (!isApprovalWait(wait)) return
      const existing = await approvals.list({ runId })
      if (existing.some((a) => a.nodeId === nodeId && a.status === 'pending')) return
      const timeoutAt = wait.timeoutAt ? Date.parse(wait.timeoutAt) : Number.NaN
      await approvals.create({
        runId,
        nodeId,
        request: wait,
        required: wait.required ?? 1,
        ...(Number.isFinite(timeoutAt) ? { timeoutAt } : {}),
      })
      await timer.arm()
    },

    async decide(approvalId, req) {
      const a = await approvals.get(approvalId)
      if (!a) throw new RunnerError('NOT_FOUND', `approval ${approvalId} does not exist`)
      if (a.status !== 'pending')
        throw new RunnerError('INVALID_STATE', `approval ${approvalId} is already ${a.status}`)
      const run = await runs.get(a.runId)
      if (!run || !['waiting', 'running', 'queued'].includes(run.status))
        throw new RunnerError(
          'INVALID_STATE',
          `run ${a.runId} is ${run?.status ?? 'gone'}: it awaits no decision`,
        )
      const approvers = isApprovalWait(a.request) ? (a.request.approvers ?? {}) : {}
      const byUser = approvers.users?.includes(req.by) ?? false
      const byRole = req.role !== undefined && (approvers.roles?.includes(req.role) ?? false)
      if (!byUser && !byRole)
        throw new RunnerError('FORBIDDEN', `${req.by} is not among the approvers of approval ${approvalId}`)
      const result = await approvals.decide(approvalId, {
        actor: req.by,
        decision: req.decision,
        ...(req.comment !== undefined ? { comment: req.comment } : {}),
      })
      await audit.append({
        actor: req.by,
        action: 'approval.decide',
        target: approvalId,
        details: {
          runId: a.runId,
          nodeId: a.nodeId,
          decision: req.decision,
          comment: req.comment ?? null,
          status: result.approval.status,
        },
      })
      // A run still on its way to its waiting checkpoint is woken by `reconcile` once it gets there.
      if (result.resolved) await wake(result.approval)
      return result
    },

    async prepareResume(state, nodeId) {
      const wait = state.nodes[nodeId]?.wait
      if (!isApprovalWait(wait)) return state
      const rows = (await approvals.list({ runId: state.runId })).filter((a) => a.nodeId === nodeId)
      const row = rows.at(-1)
      if (!row) return state
      const copy = structuredClone(state)
      const approvalsSoFar = row.decisions
        .filter((d) => d.decision === 'approve')
        .map((d) => ({ by: d.actor, comment: d.comment ?? null, at: new Date(d.at).toISOString() }))
      ;(copy.nodes[nodeId]!.wait as unknown as ApprovalWait).approvals = approvalsSoFar
      return copy
    },

    reconcile,

    async start() {
      let cursor: string | undefined
      do {
        const page = await runs.list({ status: 'waiting' }, { cursor, limit: 200 })
        for (const r of page.items) await reconcile(r.id)
        cursor = page.nextCursor
      } while (cursor)
      await timer.arm()
    },

    stop: () => timer.stop(),
  }
}
