import type { Kpis } from './kpis.ts'
import type { DurationStats } from './stats.ts'

const HEADER = ['metric', 'key', 'count', 'median_seconds', 'p90_seconds', 'value']

/** RFC 4180 quoting, and a leading `'` for text a spreadsheet would run as a formula. */
function cell(v: string | number | null): string {
  if (v === null) return ''
  if (typeof v === 'number') return String(Math.round(v * 10_000) / 10_000)
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms) / 1000)

/**
 * The KPIs as CSV, one metric per line: `metric,key,count,median_seconds,p90_seconds,value`.
 * Durations fill count/median/p90, counts and ratios fill value, breakdowns name the rule or source
 * in key.
 * @example kpisToCsv(computeKpis(rows)).split('\r\n')[1] // 'cases,,,,,12'
 */
export function kpisToCsv(k: Kpis): string {
  const rows: (string | number | null)[][] = [HEADER]
  const value = (metric: string, v: number | null, key = '') => rows.push([metric, key, null, null, null, v])
  const duration = (metric: string, d: DurationStats) =>
    rows.push([metric, '', d.count, seconds(d.medianMs), seconds(d.p90Ms), null])
  value('cases', k.cases)
  value('alerts', k.alerts)
  duration('mttd', k.mttd)
  duration('mtta', k.mtta)
  duration('mttc', k.mttc)
  duration('mttr', k.mttr)
  value('true_positive', k.dispositions.truePositive)
  value('false_positive', k.dispositions.falsePositive)
  value('benign', k.dispositions.benign)
  value('undetermined', k.dispositions.undetermined)
  value('true_positive_rate', k.dispositions.truePositiveRate)
  value('false_positive_rate', k.dispositions.falsePositiveRate)
  value('auto_closed_alert_share', k.autoClosedAlertShare)
  value('runs_ended', k.runs.ended)
  value('runs_succeeded', k.runs.succeeded)
  value('run_success_rate', k.runs.successRate)
  for (const b of k.byRule) {
    value('alerts_by_rule', b.alerts, b.key)
    value('cases_by_rule', b.cases, b.key)
  }
  for (const b of k.bySource) {
    value('alerts_by_source', b.alerts, b.key)
    value('cases_by_source', b.cases, b.key)
  }
  return `${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`
}
