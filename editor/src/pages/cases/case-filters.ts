/**
 * The filters of the case list, kept in the address (`/cases?status=new&rule=5712`) so a filtered
 * list can be linked to (the dashboard links to its rules) and survives a reload.
 */
import { CASE_STATUSES } from '../../../../nodes/action/case-fields.ts'
import { SEVERITIES } from '../../../../nodes/trigger/alert/shape.ts'
import { statusLabel } from '../../lib/status.ts'
import { TIME_RANGES } from '../runs/run-filters.ts'

export interface CaseFilters {
  /** One status, a comma-separated set (`new,acknowledged,contained`), or '' for any. */
  status: string
  /** One severity, `high,critical`, or '' for any. */
  severity: string
  assignee: string
  /** A SIEM correlation-rule id. */
  rule: string
  /** A key of `TIME_RANGES` (cases created since), or '' for any time. */
  range: string
}

export const NO_CASE_FILTER: CaseFilters = { status: '', severity: '', assignee: '', rule: '', range: '' }

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** The status choices: the open ones together, then each status. */
export const CASE_STATUS_CHOICES: readonly { value: string; label: string }[] = [
  { value: 'new,acknowledged,contained', label: 'Open (new, acknowledged, contained)' },
  ...CASE_STATUSES.map((s) => ({ value: s, label: capital(statusLabel(s)) })),
]

/** The severity choices: high and above together, then each severity, worst first. */
export const SEVERITY_CHOICES: readonly { value: string; label: string }[] = [
  { value: 'high,critical', label: 'High and critical' },
  ...[...SEVERITIES].reverse().map((s) => ({ value: s, label: capital(s) })),
]

/**
 * Reads filters from a query string, ignoring values that are not choices.
 * @example filtersFromSearch('status=new&range=24h') // { ...NO_CASE_FILTER, status: 'new', range: '24h' }
 */
export function filtersFromSearch(search: string): CaseFilters {
  const q = new URLSearchParams(search)
  const pick = (key: string, ok: (v: string) => boolean) => {
    const v = q.get(key) ?? ''
    return ok(v) ? v : ''
  }
  return {
    status: pick('status', (v) => CASE_STATUS_CHOICES.some((c) => c.value === v)),
    severity: pick('severity', (v) => SEVERITY_CHOICES.some((c) => c.value === v)),
    assignee: pick('assignee', (v) => v.length <= 200),
    rule: pick('rule', (v) => v.length <= 300),
    range: pick('range', (v) => v in TIME_RANGES),
  }
}

const KEYS = ['status', 'severity', 'assignee', 'rule', 'range'] as const

/**
 * Writes filters as a query string, leaving out the empty ones. Text is kept as typed (a rule id
 * may contain spaces); the query to the server trims it.
 * @example searchFromFilters({ ...NO_CASE_FILTER, rule: '5712' }) // 'rule=5712'
 */
export function searchFromFilters(f: CaseFilters): string {
  const q = new URLSearchParams()
  for (const key of KEYS) if (f[key].trim()) q.set(key, f[key])
  return q.toString()
}

/**
 * The query of `GET /api/cases` for the filters (the time range resolved against `now`).
 * @example caseQuery({ ...NO_CASE_FILTER, range: '1h' }, now) // { from: String(now - 3_600_000) }
 */
export function caseQuery(f: CaseFilters, now: number, extra: { cursor?: string; limit?: number } = {}) {
  const range = TIME_RANGES[f.range]
  return {
    ...(f.status ? { status: f.status } : {}),
    ...(f.severity ? { severity: f.severity } : {}),
    ...(f.assignee.trim() ? { assignee: f.assignee.trim() } : {}),
    ...(f.rule.trim() ? { rule: f.rule.trim() } : {}),
    ...(range ? { from: String(now - range.ms) } : {}),
    ...(extra.cursor ? { cursor: extra.cursor } : {}),
    ...(extra.limit ? { limit: String(extra.limit) } : {}),
  }
}
