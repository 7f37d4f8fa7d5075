import { and, count, countDistinct, eq, inArray, sql } from 'drizzle-orm'
import type { KpiRows } from '../cases/kpis.ts'
import type { Db } from '../db/open.ts'
import { alerts, caseRuns, cases, runs } from '../db/schema.ts'
import { caseFilterWhere } from './case-filter.ts'
import type { CaseFilter } from './case-store.ts'

/** The filters the KPIs take: those of the case list that describe a population, not a queue. */
export type KpiFilter = Pick<CaseFilter, 'severity' | 'playbookId' | 'ruleId' | 'from' | 'to'>

/**
 * Reads what `computeKpis` needs for the cases matching `filter` (created in the time range): the
 * case timestamps, their alerts by rule and source, and their runs by status. Three queries.
 * @example computeKpis(kpiRows(db, { from: Date.parse('2026-01-01') }))
 */
export function kpiRows(db: Db, filter: KpiFilter): KpiRows {
  const where = and(...caseFilterWhere(filter))
  const ids = db.select({ id: cases.id }).from(cases).where(where)
  return {
    cases: db
      .select({
        status: cases.status,
        disposition: cases.disposition,
        alertCount: cases.alertCount,
        detectedAt: cases.detectedAt,
        createdAt: cases.createdAt,
        acknowledgedAt: cases.acknowledgedAt,
        containedAt: cases.containedAt,
        resolvedAt: cases.resolvedAt,
      })
      .from(cases)
      .where(where)
      .all(),
    alertGroups: db
      .select({
        ruleId: alerts.ruleId,
        source: alerts.source,
        alerts: count(),
        cases: countDistinct(alerts.caseId),
      })
      .from(alerts)
      .where(inArray(alerts.caseId, ids))
      .groupBy(alerts.ruleId, alerts.source)
      .all(),
    runs: db
      .select({ status: runs.status, count: sql<number>`count(*)` })
      .from(caseRuns)
      .innerJoin(runs, eq(runs.id, caseRuns.runId))
      .where(inArray(caseRuns.caseId, ids))
      .groupBy(runs.status)
      .all(),
  }
}
