import { sql } from 'drizzle-orm'
import type { Db } from '../db/open.ts'
import { type alerts, caseEvents, type cases } from '../db/schema.ts'
import type { AlertRecord, CaseSummary } from './case-store.ts'

/** Row mapping and the timeline writer shared by the case stores. */

export type CaseRow = typeof cases.$inferSelect
export type AlertRow = typeof alerts.$inferSelect

/** The API's view of a case row (the grouping key itself stays internal). */
export function toCaseSummary(r: CaseRow): CaseSummary {
  return {
    id: r.id,
    playbookId: r.playbookId,
    title: r.title,
    severity: r.severity,
    status: r.status,
    assignee: r.assignee,
    disposition: r.disposition,
    tags: r.tags,
    ruleId: r.ruleId,
    source: r.source,
    grouping: r.groupKey !== null,
    alertCount: r.alertCount,
    lastAlertAt: r.lastAlertAt,
    detectedAt: r.detectedAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    acknowledgedAt: r.acknowledgedAt,
    containedAt: r.containedAt,
    resolvedAt: r.resolvedAt,
  }
}

export function toAlertRecord(r: AlertRow): AlertRecord {
  const { rawJson, ...rest } = r
  return { ...rest, raw: JSON.parse(rawJson) }
}

/** Appends a case's timeline entry (call inside the transaction that made the change). */
export type CaseEventWriter = (e: {
  caseId: string
  at: number
  actor: string
  kind: string
  details?: unknown
}) => void

/**
 * A timeline writer over one prepared insert (building the query per call would cost more than
 * running it, and the intake writes one per alert).
 * @example const append = caseEventWriter(db); append({ caseId, at, actor: 'alice', kind: 'status', details: { from: 'new', to: 'closed' } })
 */
export function caseEventWriter(db: Db): CaseEventWriter {
  const p = (name: string) => sql.placeholder(name)
  const insert = db
    .insert(caseEvents)
    .values({ caseId: p('caseId'), at: p('at'), actor: p('actor'), kind: p('kind'), details: p('details') })
    .prepare()
  return (e) => {
    insert.run({ ...e, details: e.details ?? null })
  }
}
