import { and, desc, eq, isNull } from 'drizzle-orm'
import type { CaseOutcome } from '../../runtime/node-type.ts'
import { statusEffects, transitionProblem } from '../cases/transitions.ts'
import type { Db } from '../db/open.ts'
import { alerts, caseComments, caseRuns, cases, runs } from '../db/schema.ts'
import { type CaseRow, caseEventWriter, toCaseSummary } from './case-rows.ts'
import type {
  CaseActor,
  CaseComment,
  CasePatch,
  CaseStore,
  CaseSummary,
  RunCaseChange,
} from './case-store.ts'
import { StoreError } from './errors.ts'

type Change = CasePatch & { addTags?: string[]; comment?: string }
type Changed = { row: CaseRow; changed: string[]; comment?: CaseComment }

const FIELDS = ['title', 'severity', 'assignee', 'disposition'] as const
const cleanTags = (tags: string[]) => [...new Set(tags.map((t) => t.trim()).filter(Boolean))].slice(0, 100)
const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i])

/**
 * The writing half of the SQLite case store: people's changes and comments, `action.case`, and
 * containment. Each is one immediate transaction that writes the case row and its timeline together.
 */
export function createCaseChanges(
  db: Db,
  deps: { now: () => number; ids: () => string },
): Pick<CaseStore, 'update' | 'comment' | 'applyForRun' | 'markContained'> {
  const appendCaseEvent = caseEventWriter(db)
  const load = (id: string): CaseRow => {
    const row = db.select().from(cases).where(eq(cases.id, id)).get()
    if (!row) throw new StoreError('NOT_FOUND', `case ${id} does not exist`)
    return row
  }

  /** Applies what differs from the row, one timeline entry per field; the first human change acknowledges. */
  function apply(row: CaseRow, change: Change, actor: CaseActor, at: number): Changed {
    const set: Partial<CaseRow> = {}
    const changed: string[] = []
    const note = (kind: string, details: unknown) => {
      changed.push(kind)
      appendCaseEvent({ caseId: row.id, at, actor: actor.name, kind, details })
    }
    if (change.status !== undefined && change.status !== row.status) {
      const problem = transitionProblem(row.status, change.status)
      if (problem) throw new StoreError('INVALID_STATE', `case ${row.id}: ${problem}`)
      Object.assign(set, { status: change.status }, statusEffects(row, change.status, at))
      note('status', { from: row.status, to: change.status })
    }
    for (const field of FIELDS) {
      const to = change[field]
      if (to === undefined || to === row[field]) continue
      Object.assign(set, { [field]: to })
      note(field, { from: row[field], to })
    }
    const tags =
      change.tags !== undefined
        ? cleanTags(change.tags)
        : change.addTags
          ? cleanTags([...row.tags, ...change.addTags])
          : undefined
    if (tags && !sameList(tags, row.tags)) {
      set.tags = tags
      note('tags', { from: row.tags, to: tags })
    }
    let comment: CaseComment | undefined
    if (change.comment !== undefined) {
      comment = { id: deps.ids(), at, author: actor.name, text: change.comment }
      db.insert(caseComments)
        .values({ ...comment, caseId: row.id })
        .run()
      note('comment', { commentId: comment.id, text: comment.text.slice(0, 200) })
    }
    if (changed.length === 0) return { row, changed }
    if (actor.human && row.acknowledgedAt === null) set.acknowledgedAt = at
    const updated = db
      .update(cases)
      .set({ ...set, updatedAt: at })
      .where(eq(cases.id, row.id))
      .returning()
      .get()!
    return { row: updated, changed, ...(comment ? { comment } : {}) }
  }

  /** A case for a run that has none: titled after its alert (if any), linked to the run and the alert. */
  function openForRun(runId: string, change: RunCaseChange, actor: CaseActor, at: number): CaseRow {
    const run = db
      .select({ playbookId: runs.playbookId, version: runs.version })
      .from(runs)
      .where(eq(runs.id, runId))
      .get()
    if (!run) throw new StoreError('NOT_FOUND', `run ${runId} does not exist`)
    const alert = db.select().from(alerts).where(eq(alerts.runId, runId)).get()
    const id = deps.ids()
    db.insert(cases)
      .values({
        id,
        playbookId: run.playbookId,
        title: change.title ?? alert?.title ?? `Case of playbook ${run.playbookId}`,
        severity: change.severity ?? alert?.severity ?? 'medium',
        ruleId: alert?.ruleId ?? null,
        source: alert?.source ?? null,
        alertCount: alert ? 1 : 0,
        lastAlertAt: alert?.receivedAt ?? null,
        detectedAt: alert?.eventAt ?? null,
        createdAt: at,
        updatedAt: at,
      })
      .run()
    db.insert(caseRuns)
      .values({ caseId: id, runId, ...run, linkedAt: at })
      .run()
    if (alert)
      db.update(alerts)
        .set({ caseId: id })
        .where(and(eq(alerts.id, alert.id), isNull(alerts.caseId)))
        .run()
    appendCaseEvent({ caseId: id, at, actor: actor.name, kind: 'opened', details: { runId } })
    return load(id)
  }

  const caseOfRun = (runId: string) =>
    db
      .select({ caseId: caseRuns.caseId })
      .from(caseRuns)
      .where(eq(caseRuns.runId, runId))
      .orderBy(desc(caseRuns.linkedAt))
      .get()?.caseId

  const update = db.$client.transaction((id: string, patch: CasePatch, actor: CaseActor) => {
    const { row, changed } = apply(load(id), patch, actor, deps.now())
    return { case: toCaseSummary(row), changed }
  })

  const comment = db.$client.transaction((id: string, text: string, actor: CaseActor) => {
    return apply(load(id), { comment: text }, actor, deps.now()).comment!
  })

  const applyForRun = db.$client.transaction((runId: string, change: RunCaseChange, actor: CaseActor) => {
    const at = deps.now()
    const linked = caseOfRun(runId)
    const row = linked ? load(linked) : openForRun(runId, change, actor, at)
    const { tags, ...rest } = change
    const after = apply(row, { ...rest, ...(tags ? { addTags: tags } : {}) }, actor, at).row
    const outcome: CaseOutcome = {
      caseId: after.id,
      created: !linked,
      status: after.status,
      severity: after.severity,
      tags: after.tags,
    }
    return outcome
  })

  const markContained = db.$client.transaction((runId: string, info: { nodeId: string; at: number }) => {
    const id = caseOfRun(runId)
    const row = id ? load(id) : undefined
    if (!row || row.containedAt !== null) return false
    const actor = { name: `run:${runId}`, human: false }
    const moved = row.status === 'new' || row.status === 'acknowledged'
    const after = apply(row, moved ? { status: 'contained' } : {}, actor, info.at).row
    if (after.containedAt === null)
      db.update(cases).set({ containedAt: info.at }).where(eq(cases.id, row.id)).run()
    appendCaseEvent({
      caseId: row.id,
      at: info.at,
      actor: actor.name,
      kind: 'contained',
      details: { runId, nodeId: info.nodeId },
    })
    return true
  })

  return {
    update: async (id, patch, actor): Promise<{ case: CaseSummary; changed: string[] }> =>
      update.immediate(id, patch, actor),
    comment: async (id, text, actor) => comment.immediate(id, text, actor),
    applyForRun: async (runId, change, actor) => applyForRun.immediate(runId, change, actor),
    markContained: async (runId, info) => markContained.immediate(runId, info),
  }
}
