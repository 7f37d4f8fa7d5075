import { and, asc, desc, eq, lt, or, sql } from 'drizzle-orm'
import type { Db } from '../db/open.ts'
import { alerts, caseComments, caseEvents, caseRuns, cases, runs } from '../db/schema.ts'
import { caseFilterWhere } from './case-filter.ts'
import { toAlertRecord, toCaseSummary } from './case-rows.ts'
import type { CaseStore } from './case-store.ts'
import { decodeCursor, encodeCursor, pageSize } from './cursor.ts'
import { type StoreDeps, withDefaults } from './deps.ts'
import { createCaseChanges } from './sqlite-case-changes.ts'

/** Alerts shown with a case (the newest); `alertCount` counts them all. */
export const MAX_CASE_ALERTS = 200

/**
 * The `CaseStore` on SQLite: lists with filters and a cursor, a case with its alerts, runs, comments
 * and timeline, and the changes of sqlite-case-changes.ts.
 * @example const page = await cases.list({ status: ['new'] }, { limit: 50 })
 */
export function createSqliteCaseStore(db: Db, deps?: StoreDeps): CaseStore {
  const full = withDefaults(deps)
  const p = (name: string) => sql.placeholder(name)
  const runLink = db
    .select({ caseId: caseRuns.caseId, playbookId: caseRuns.playbookId, version: caseRuns.version })
    .from(caseRuns)
    .where(eq(caseRuns.runId, p('runId')))
    .limit(1)
    .prepare()

  return {
    ...createCaseChanges(db, full),

    async list(filter = {}, page = {}) {
      const limit = pageSize(page.limit)
      const where = caseFilterWhere(filter)
      if (page.cursor) {
        const [at, id] = decodeCursor(page.cursor)
        where.push(or(lt(cases.createdAt, at), and(eq(cases.createdAt, at), lt(cases.id, id)))!)
      }
      const rows = db
        .select()
        .from(cases)
        .where(and(...where))
        .orderBy(desc(cases.createdAt), desc(cases.id))
        .limit(limit + 1)
        .all()
      const items = rows.slice(0, limit).map(toCaseSummary)
      const last = items.at(-1)
      return rows.length > limit && last
        ? { items, nextCursor: encodeCursor([last.createdAt, last.id]) }
        : { items }
    },

    async get(id) {
      const row = db.select().from(cases).where(eq(cases.id, id)).get()
      if (!row) return undefined
      const linked = db
        .select({
          runId: caseRuns.runId,
          playbookId: caseRuns.playbookId,
          version: caseRuns.version,
          linkedAt: caseRuns.linkedAt,
          status: runs.status,
          queuedAt: runs.queuedAt,
          finishedAt: runs.finishedAt,
        })
        .from(caseRuns)
        .leftJoin(runs, eq(runs.id, caseRuns.runId))
        .where(eq(caseRuns.caseId, id))
        .orderBy(asc(caseRuns.linkedAt), asc(caseRuns.runId))
        .all()
      const newest = db
        .select()
        .from(alerts)
        .where(eq(alerts.caseId, id))
        .orderBy(desc(alerts.receivedAt), desc(alerts.id))
        .limit(MAX_CASE_ALERTS)
        .all()
      return {
        ...toCaseSummary(row),
        alerts: newest.map(toAlertRecord),
        runs: linked,
        comments: db
          .select({
            id: caseComments.id,
            at: caseComments.at,
            author: caseComments.author,
            text: caseComments.text,
          })
          .from(caseComments)
          .where(eq(caseComments.caseId, id))
          .orderBy(asc(caseComments.at), asc(caseComments.id))
          .all(),
        timeline: db
          .select({
            id: caseEvents.id,
            at: caseEvents.at,
            actor: caseEvents.actor,
            kind: caseEvents.kind,
            details: caseEvents.details,
          })
          .from(caseEvents)
          .where(eq(caseEvents.caseId, id))
          .orderBy(asc(caseEvents.id))
          .all(),
      }
    },

    async linkRetry(retryOf, runId, actor) {
      const at = full.now()
      const linked = db.transaction((tx) => {
        const rows = tx.select().from(caseRuns).where(eq(caseRuns.runId, retryOf)).all()
        for (const row of rows) {
          tx.insert(caseRuns)
            .values({ ...row, runId, linkedAt: at })
            .onConflictDoNothing()
            .run()
          tx.insert(caseEvents)
            .values({
              caseId: row.caseId,
              at,
              actor: actor.name,
              kind: 'run.retried',
              details: { runId, retryOf },
            })
            .run()
          tx.update(cases).set({ updatedAt: at }).where(eq(cases.id, row.caseId)).run()
        }
        return rows.map((r) => r.caseId)
      })
      return linked
    },

    linkOfRun: (runId) => runLink.get({ runId }),
  }
}
