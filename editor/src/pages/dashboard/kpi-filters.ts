/**
 * The filters of the dashboard, kept in the address (`/dashboard?range=7d&rule=5712`), and the
 * queries and CSV address they make.
 */
import { SEVERITY_CHOICES } from '../cases/case-filters.ts'
import { TIME_RANGES } from '../runs/run-filters.ts'

export interface KpiFilters {
  /** A key of `TIME_RANGES` (cases created since), or '' for any time. */
  range: string
  /** One severity, `high,critical`, or '' for any. */
  severity: string
  playbook: string
  rule: string
}

export const NO_KPI_FILTER: KpiFilters = { range: '', severity: '', playbook: '', rule: '' }

const KEYS = ['range', 'severity', 'playbook', 'rule'] as const

/**
 * Reads filters from a query string, ignoring values that are not choices.
 * @example kpiFiltersFromSearch('range=7d&severity=huge') // { ...NO_KPI_FILTER, range: '7d' }
 */
export function kpiFiltersFromSearch(search: string): KpiFilters {
  const q = new URLSearchParams(search)
  const range = q.get('range') ?? ''
  const severity = q.get('severity') ?? ''
  return {
    range: range in TIME_RANGES ? range : '',
    severity: SEVERITY_CHOICES.some((c) => c.value === severity) ? severity : '',
    playbook: (q.get('playbook') ?? '').slice(0, 200),
    rule: (q.get('rule') ?? '').slice(0, 300),
  }
}

/**
 * Writes filters as a query string, leaving out the empty ones (text kept as typed).
 * @example searchFromKpiFilters({ ...NO_KPI_FILTER, rule: '5712' }) // 'rule=5712'
 */
export function searchFromKpiFilters(f: KpiFilters): string {
  const q = new URLSearchParams()
  for (const key of KEYS) if (f[key].trim()) q.set(key, f[key])
  return q.toString()
}

/**
 * The query of `GET /api/metrics/kpis` (and its CSV) for the filters, the range resolved against `now`.
 * @example kpiQuery({ ...NO_KPI_FILTER, range: '1h', rule: ' 5712 ' }, now) // { from: String(now - 3_600_000), rule: '5712' }
 */
export function kpiQuery(f: KpiFilters, now: number): Record<string, string> {
  const range = TIME_RANGES[f.range]
  return {
    ...(range ? { from: String(now - range.ms) } : {}),
    ...(f.severity ? { severity: f.severity } : {}),
    ...(f.playbook.trim() ? { playbook: f.playbook.trim().toLowerCase() } : {}),
    ...(f.rule.trim() ? { rule: f.rule.trim() } : {}),
  }
}

/**
 * The address of the server's CSV export for the filters.
 * @example kpiCsvHref(NO_KPI_FILTER, now) // '/api/metrics/kpis.csv'
 */
export function kpiCsvHref(f: KpiFilters, now: number): string {
  const q = new URLSearchParams(kpiQuery(f, now)).toString()
  return q ? `/api/metrics/kpis.csv?${q}` : '/api/metrics/kpis.csv'
}
