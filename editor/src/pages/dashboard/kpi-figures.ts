/**
 * The KPI answer shaped for display, outside React: rates as percentages, the four response times
 * as rows, and a common unit for charting durations that range from seconds to days.
 */
import type { Schemas } from '../../api/client.ts'

export type Kpis = Schemas['Kpis']
type DurationStats = Schemas['DurationStats']

/** One response time: what it measures and its count, median and 90th percentile. */
export interface ResponseTime extends DurationStats {
  key: 'mttd' | 'mtta' | 'mttc' | 'mttr'
  label: string
  measures: string
}

/**
 * A share as a percentage, '—' when there is nothing to divide.
 * @example formatShare(0.8333) // '83.3%'
 * @example formatShare(null) // '—'
 */
export function formatShare(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—'
  return `${Math.round(share * 1000) / 10}%`
}

/**
 * MTTD, MTTA, MTTC and MTTR, in the order an incident goes through them.
 * @example responseTimes(kpis)[0] // { key: 'mttd', label: 'MTTD', measures: 'Detected → opened', count, medianMs, p90Ms }
 */
export function responseTimes(k: Kpis): ResponseTime[] {
  return [
    { key: 'mttd', label: 'MTTD', measures: 'Detected → opened', ...k.mttd },
    { key: 'mtta', label: 'MTTA', measures: 'Opened → acknowledged', ...k.mtta },
    { key: 'mttc', label: 'MTTC', measures: 'Opened → contained', ...k.mttc },
    { key: 'mttr', label: 'MTTR', measures: 'Opened → resolved', ...k.mttr },
  ]
}

const UNITS = [
  { label: 'days', short: 'd', ms: 86_400_000 },
  { label: 'hours', short: 'h', ms: 3_600_000 },
  { label: 'minutes', short: 'min', ms: 60_000 },
  { label: 'seconds', short: 's', ms: 1000 },
] as const

/**
 * The largest unit in which the longest duration is at least 1 (seconds at least).
 * @example durationUnit(5_400_000) // { label: 'hours', short: 'h', ms: 3_600_000 }
 */
export function durationUnit(maxMs: number): { label: string; short: string; ms: number } {
  return UNITS.find((u) => maxMs >= u.ms) ?? UNITS[UNITS.length - 1]!
}

/**
 * The response times as chart rows (median and p90 in one unit, rounded to 2 decimals), and that unit.
 * @example responseChart(rows) // { unit: 'minutes', short: 'min', data: [{ name: 'MTTD', median: 1.5, p90: 4 }, …] }
 */
export function responseChart(rows: readonly ResponseTime[]) {
  const max = Math.max(0, ...rows.flatMap((r) => [r.medianMs ?? 0, r.p90Ms ?? 0]))
  const unit = durationUnit(max)
  const inUnit = (ms: number | null) => (ms === null ? null : Math.round((ms / unit.ms) * 100) / 100)
  return {
    unit: unit.label,
    short: unit.short,
    data: rows.map((r) => ({ name: r.label, median: inUnit(r.medianMs), p90: inUnit(r.p90Ms) })),
  }
}

/**
 * The headline figures: counts, true/false-positive rates, auto-closed share and run success rate.
 * @example headline(kpis)[0] // { label: 'Cases', value: '12' }
 */
export function headline(k: Kpis): { label: string; value: string; detail?: string }[] {
  const d = k.dispositions
  return [
    { label: 'Cases', value: String(k.cases) },
    { label: 'Alerts', value: String(k.alerts) },
    {
      label: 'True positives',
      value: formatShare(d.truePositiveRate),
      detail: `${d.truePositive} true, ${d.falsePositive} false, ${d.benign} benign, ${d.undetermined} undecided`,
    },
    { label: 'False positives', value: formatShare(d.falsePositiveRate) },
    {
      label: 'Closed without a person',
      value: formatShare(k.autoClosedAlertShare),
      detail: 'share of alerts',
    },
    {
      label: 'Run success',
      value: formatShare(k.runs.successRate),
      detail: `${k.runs.succeeded} of ${k.runs.ended} ended runs`,
    },
  ]
}
