/**
 * The filters of the runs list, kept in the address (`/runs?playbook=triage&status=failed`) so a
 * filtered list can be linked to and survives a reload.
 */

export interface RunFilters {
  playbook: string
  /** One status, a comma-separated set (`queued,running,waiting`), or '' for any. */
  status: string
  mode: '' | 'test' | 'production'
  /** A key of `TIME_RANGES`, or '' for any time. */
  range: string
}

export const NO_RUN_FILTER: RunFilters = { playbook: '', status: '', mode: '', range: '' }

/** The time-range choices, in milliseconds back from now. */
export const TIME_RANGES: Readonly<Record<string, { label: string; ms: number }>> = {
  '1h': { label: 'Last hour', ms: 3_600_000 },
  '24h': { label: 'Last 24 hours', ms: 86_400_000 },
  '7d': { label: 'Last 7 days', ms: 7 * 86_400_000 },
  '30d': { label: 'Last 30 days', ms: 30 * 86_400_000 },
}

/** The status choices: single statuses and the "still going" group. */
/** `TIME_RANGES` as select choices, in their order. */
export const TIME_RANGE_CHOICES: readonly { value: string; label: string }[] = Object.entries(
  TIME_RANGES,
).map(([value, r]) => ({ value, label: r.label }))

export const STATUS_CHOICES: readonly { value: string; label: string }[] = [
  { value: 'queued,running,waiting', label: 'Active (queued, running, waiting)' },
  { value: 'queued', label: 'Queued' },
  { value: 'running', label: 'Running' },
  { value: 'waiting', label: 'Waiting' },
  { value: 'succeeded', label: 'Succeeded' },
  { value: 'failed', label: 'Failed' },
  { value: 'cancelled', label: 'Cancelled' },
  { value: 'timed_out', label: 'Timed out' },
]

/**
 * Reads filters from a query string, ignoring values that are not choices.
 * @example filtersFromSearch('mode=test&range=24h') // { playbook: '', status: '', mode: 'test', range: '24h' }
 */
export function filtersFromSearch(search: string): RunFilters {
  const q = new URLSearchParams(search)
  const mode = q.get('mode')
  const range = q.get('range') ?? ''
  const status = q.get('status') ?? ''
  return {
    playbook: q.get('playbook')?.trim() ?? '',
    status: STATUS_CHOICES.some((c) => c.value === status) ? status : '',
    mode: mode === 'test' || mode === 'production' ? mode : '',
    range: range in TIME_RANGES ? range : '',
  }
}

/**
 * Writes filters as a query string, leaving out the empty ones.
 * @example searchFromFilters({ ...NO_RUN_FILTER, mode: 'test' }) // 'mode=test'
 */
export function searchFromFilters(f: RunFilters): string {
  const q = new URLSearchParams()
  for (const key of ['playbook', 'status', 'mode', 'range'] as const) if (f[key]) q.set(key, f[key])
  return q.toString()
}

/** The query of `GET /api/runs` for the filters (the time range resolved against `now`). */
export function runQuery(f: RunFilters, now: number, extra: { cursor?: string; limit?: number } = {}) {
  const range = TIME_RANGES[f.range]
  return {
    ...(f.playbook ? { playbook: f.playbook } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.mode ? { mode: f.mode } : {}),
    ...(range ? { from: String(now - range.ms) } : {}),
    ...(extra.cursor ? { cursor: extra.cursor } : {}),
    ...(extra.limit ? { limit: String(extra.limit) } : {}),
  }
}
