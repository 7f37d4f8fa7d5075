import type { CaseStatus, Disposition } from '../../nodes/action/case-fields.ts'
import type { RunRowStatus } from '../db/schema.ts'
import { type DurationStats, durationStats, share } from './stats.ts'

/** What the KPIs are computed from: the filtered cases, their alerts and their runs. */
export interface KpiRows {
  cases: {
    status: CaseStatus
    disposition: Disposition | null
    alertCount: number
    detectedAt: number | null
    createdAt: number
    acknowledgedAt: number | null
    containedAt: number | null
    resolvedAt: number | null
  }[]
  /** Alerts of those cases grouped by rule and source. */
  alertGroups: { ruleId: string | null; source: string; alerts: number; cases: number }[]
  /** Runs of those cases by status. */
  runs: { status: RunRowStatus; count: number }[]
}

/** Alert and case counts under one rule or source. */
export interface Breakdown {
  key: string
  alerts: number
  cases: number
}

/** The response KPIs (README, "Cases and KPIs"). */
export interface Kpis {
  cases: number
  alerts: number
  /** Detected (event time) → created. */
  mttd: DurationStats
  /** Created → first human action. */
  mtta: DurationStats
  /** Created → first containment. */
  mttc: DurationStats
  /** Created → resolved. */
  mttr: DurationStats
  dispositions: {
    truePositive: number
    falsePositive: number
    benign: number
    undetermined: number
    /** Shares among cases with a disposition. */
    truePositiveRate: number | null
    falsePositiveRate: number | null
  }
  byRule: Breakdown[]
  bySource: Breakdown[]
  /** Share of alerts whose case was resolved or closed with no human action. */
  autoClosedAlertShare: number | null
  runs: { ended: number; succeeded: number; successRate: number | null }
}

const ENDED: ReadonlySet<RunRowStatus> = new Set(['succeeded', 'failed', 'cancelled', 'timed_out'])

function breakdown(groups: KpiRows['alertGroups'], keyOf: (g: KpiRows['alertGroups'][number]) => string) {
  const out = new Map<string, Breakdown>()
  for (const g of groups) {
    const key = keyOf(g)
    const b = out.get(key) ?? { key, alerts: 0, cases: 0 }
    b.alerts += g.alerts
    b.cases += g.cases
    out.set(key, b)
  }
  return [...out.values()].sort((a, b) => b.alerts - a.alerts || a.key.localeCompare(b.key))
}

/** Durations from `from` to `to` of the cases that have both. */
function spans(
  rows: KpiRows['cases'],
  from: (c: KpiRows['cases'][number]) => number | null,
  to: (c: KpiRows['cases'][number]) => number | null,
) {
  const out: number[] = []
  for (const c of rows) {
    const a = from(c)
    const b = to(c)
    if (a !== null && b !== null) out.push(b - a)
  }
  return durationStats(out)
}

/**
 * Computes the KPIs from rows. Rule and source breakdowns count a case under every rule and source
 * its alerts have (a case's alerts usually share both).
 * @example computeKpis(await store.kpiRows({ from, to })).mttr.medianMs
 */
export function computeKpis(rows: KpiRows): Kpis {
  const cs = rows.cases
  const count = (d: Disposition | null) => cs.filter((c) => c.disposition === d).length
  const tp = count('true_positive')
  const fp = count('false_positive')
  const benign = count('benign')
  const judged = tp + fp + benign
  const alerts = cs.reduce((n, c) => n + c.alertCount, 0)
  const auto = cs
    .filter((c) => (c.status === 'resolved' || c.status === 'closed') && c.acknowledgedAt === null)
    .reduce((n, c) => n + c.alertCount, 0)
  const ended = rows.runs.filter((r) => ENDED.has(r.status)).reduce((n, r) => n + r.count, 0)
  const succeeded = rows.runs.find((r) => r.status === 'succeeded')?.count ?? 0
  return {
    cases: cs.length,
    alerts,
    mttd: spans(
      cs,
      (c) => c.detectedAt,
      (c) => c.createdAt,
    ),
    mtta: spans(
      cs,
      (c) => c.createdAt,
      (c) => c.acknowledgedAt,
    ),
    mttc: spans(
      cs,
      (c) => c.createdAt,
      (c) => c.containedAt,
    ),
    mttr: spans(
      cs,
      (c) => c.createdAt,
      (c) => c.resolvedAt,
    ),
    dispositions: {
      truePositive: tp,
      falsePositive: fp,
      benign,
      undetermined: cs.length - judged,
      truePositiveRate: share(tp, judged),
      falsePositiveRate: share(fp, judged),
    },
    byRule: breakdown(rows.alertGroups, (g) => g.ruleId ?? '(none)'),
    bySource: breakdown(rows.alertGroups, (g) => g.source),
    autoClosedAlertShare: share(auto, alerts),
    runs: { ended, succeeded, successRate: share(succeeded, ended) },
  }
}
