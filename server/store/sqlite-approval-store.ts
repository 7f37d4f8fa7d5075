import { and, asc, eq, isNotNull, lte, min, type SQL } from 'drizzle-orm'
import type { Db } from '../db/open.ts'
import { approvals } from '../db/schema.ts'
import type { Approval, ApprovalDecision, ApprovalStore } from './approval-store.ts'
import { type StoreDeps, withDefaults } from './deps.ts'
import { StoreError } from './errors.ts'

const toApproval = (r: typeof approvals.$inferSelect): Approval => ({
  id: r.id,
  runId: r.runId,
  nodeId: r.nodeId,
  status: r.status,
  request: JSON.parse(r.requestJson),
  decisions: JSON.parse(r.decisionsJson) as ApprovalDecision[],
  required: r.required,
  createdAt: r.createdAt,
  timeoutAt: r.timeoutAt,
  decidedAt: r.decidedAt,
})

/**
 * The `ApprovalStore` on SQLite. A decision reads and writes the row in one immediate transaction, so
 * two responders deciding at once both count, and a quorum is reached exactly once.
 * @example const { resolved, approval } = await approvals.decide(id, { actor: 'rita', decision: 'approve' })
 */
export function createSqliteApprovalStore(db: Db, deps?: StoreDeps): ApprovalStore {
  const { now, ids } = withDefaults(deps)

  const decide = db.$client.transaction((id: string, d: Omit<ApprovalDecision, 'at'>) => {
    const row = db.select().from(approvals).where(eq(approvals.id, id)).get()
    if (!row) throw new StoreError('NOT_FOUND', `approval ${id} does not exist`)
    const a = toApproval(row)
    if (a.status !== 'pending') throw new StoreError('INVALID_STATE', `approval ${id} is already ${a.status}`)
    if (a.decisions.some((x) => x.actor === d.actor))
      throw new StoreError('CONFLICT', `${d.actor} has already decided approval ${id}`)
    const t = now()
    const decisions = [...a.decisions, { ...d, at: t }]
    const approvedBy = decisions.filter((x) => x.decision === 'approve').length
    const status = d.decision === 'reject' ? 'rejected' : approvedBy >= a.required ? 'approved' : 'pending'
    const updated = db
      .update(approvals)
      .set({
        decisionsJson: JSON.stringify(decisions),
        status,
        decidedAt: status === 'pending' ? null : t,
      })
      .where(eq(approvals.id, id))
      .returning()
      .get()
    return { approval: toApproval(updated!), resolved: status !== 'pending' }
  })

  return {
    async create(input) {
      const row = db
        .insert(approvals)
        .values({
          id: ids(),
          runId: input.runId,
          nodeId: input.nodeId,
          requestJson: JSON.stringify(input.request ?? null),
          required: Math.max(1, input.required ?? 1),
          createdAt: now(),
          timeoutAt: input.timeoutAt ?? null,
        })
        .returning()
        .get()
      return toApproval(row)
    },
    async get(id) {
      const row = db.select().from(approvals).where(eq(approvals.id, id)).get()
      return row && toApproval(row)
    },
    async list(filter = {}) {
      const where: SQL[] = []
      if (filter.status) where.push(eq(approvals.status, filter.status))
      if (filter.runId) where.push(eq(approvals.runId, filter.runId))
      return db
        .select()
        .from(approvals)
        .where(and(...where))
        .orderBy(asc(approvals.createdAt), asc(approvals.id))
        .all()
        .map(toApproval)
    },
    async decide(id, decision) {
      return decide.immediate(id, decision)
    },
    async expire(t) {
      return db
        .update(approvals)
        .set({ status: 'timed_out', decidedAt: t })
        .where(
          and(eq(approvals.status, 'pending'), isNotNull(approvals.timeoutAt), lte(approvals.timeoutAt, t)),
        )
        .returning()
        .all()
        .map(toApproval)
    },
    async closeForRun(runId, status) {
      return db
        .update(approvals)
        .set({ status, decidedAt: now() })
        .where(and(eq(approvals.runId, runId), eq(approvals.status, 'pending')))
        .returning()
        .all()
        .map(toApproval)
    },
    async nextTimeout() {
      const r = db
        .select({ at: min(approvals.timeoutAt) })
        .from(approvals)
        .where(eq(approvals.status, 'pending'))
        .get()
      return r?.at ?? undefined
    },
  }
}
