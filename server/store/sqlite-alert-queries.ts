import { and, count, countDistinct, eq, isNotNull, max, sql } from 'drizzle-orm'
import type { Db } from '../db/open.ts'
import { alerts } from '../db/schema.ts'

/** A rule as seen in production alerts. */
export interface SeenRule {
  ruleId: string
  ruleName: string | null
  sources: string[]
  alerts: number
  cases: number
  lastSeenAt: number
}

/** Which alerts a silence watch listens for. */
export interface SourceKey {
  source: string
  host?: string
  rule?: string
}

/**
 * Read-only questions about stored production alerts (test runs' alerts never count): the rules
 * seen, and when a source key was last heard from.
 * @example createSqliteAlertQueries(db).lastAlertAt({ source: 'wazuh', host: 'web-1' })
 */
export function createSqliteAlertQueries(db: Db) {
  return {
    /** Every rule id seen, most alerts first. */
    seenRules(): SeenRule[] {
      const rows = db
        .select({
          ruleId: alerts.ruleId,
          ruleName: max(alerts.ruleName),
          sources: sql<string>`group_concat(distinct ${alerts.source})`,
          alerts: count(),
          cases: countDistinct(alerts.caseId),
          lastSeenAt: max(alerts.receivedAt),
        })
        .from(alerts)
        .where(and(eq(alerts.mode, 'production'), isNotNull(alerts.ruleId)))
        .groupBy(alerts.ruleId)
        .all()
      return rows
        .map((r) => ({
          ruleId: r.ruleId as string,
          ruleName: r.ruleName,
          sources: r.sources.split(',').sort(),
          alerts: r.alerts,
          cases: r.cases,
          lastSeenAt: r.lastSeenAt ?? 0,
        }))
        .sort((a, b) => b.alerts - a.alerts || a.ruleId.localeCompare(b.ruleId))
    },

    /** Arrival of the newest alert matching the key, or undefined if none ever arrived. */
    lastAlertAt(key: SourceKey): number | undefined {
      const where = [eq(alerts.mode, 'production'), eq(alerts.source, key.source)]
      if (key.host !== undefined) where.push(eq(alerts.host, key.host))
      if (key.rule !== undefined) where.push(eq(alerts.ruleId, key.rule))
      const row = db
        .select({ at: max(alerts.receivedAt) })
        .from(alerts)
        .where(and(...where))
        .get()
      return row?.at ?? undefined
    },
  }
}

export type AlertQueries = ReturnType<typeof createSqliteAlertQueries>
