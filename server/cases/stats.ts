/** A duration KPI: how many cases have it, and its median and 90th percentile (ms; null without cases). */
export interface DurationStats {
  count: number
  medianMs: number | null
  p90Ms: number | null
}

/**
 * The `q` quantile (0..1) of sorted values by linear interpolation between closest ranks (the
 * spreadsheet `PERCENTILE.INC`, numpy's default): position `(n - 1) * q`.
 * @example quantile([10, 20, 30, 40], 0.5) // 25
 * @example quantile([10, 20, 30, 40], 0.9) // 37
 */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null
  const pos = (sorted.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  const a = sorted[lo] as number
  return a + ((sorted[hi] as number) - a) * (pos - lo)
}

const wholeMs = (v: number | null) => (v === null ? null : Math.round(v))

/**
 * Median and p90 of durations, rounded to whole milliseconds (negative ones, from skewed SIEM
 * clocks, count as 0).
 * @example durationStats([60_000, 120_000, 600_000]) // { count: 3, medianMs: 120000, p90Ms: 504000 }
 */
export function durationStats(values: readonly number[]): DurationStats {
  const sorted = values.map((v) => Math.max(0, v)).sort((a, b) => a - b)
  return {
    count: sorted.length,
    medianMs: wholeMs(quantile(sorted, 0.5)),
    p90Ms: wholeMs(quantile(sorted, 0.9)),
  }
}

/** `part / whole`, or null when there is nothing to divide. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null
}
