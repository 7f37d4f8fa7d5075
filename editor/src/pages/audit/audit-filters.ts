/** The audit log filters as typed in the form; dates are `YYYY-MM-DD` in the reader's time zone. */
export interface AuditFilters {
  action: string
  actor: string
  target: string
  from: string
  to: string
}

export const NO_AUDIT_FILTER: AuditFilters = { action: '', actor: '', target: '', from: '', to: '' }

/** Local midnight of a `YYYY-MM-DD` date, or undefined for anything else. */
function localDay(date: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!m) return undefined
  const t = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime()
  return Number.isFinite(t) ? t : undefined
}

/**
 * The query of `GET /api/audit`: text filters trimmed, `from` at the start of its day and `to` at the
 * end of its day (both in the reader's time zone).
 * @example auditQuery({ ...NO_AUDIT_FILTER, actor: ' ana ' }) // { actor: 'ana' }
 */
export function auditQuery(f: AuditFilters, cursor?: string) {
  const from = localDay(f.from)
  const toDay = localDay(f.to)
  const to = toDay === undefined ? undefined : toDay + 86_400_000
  return {
    ...(f.action.trim() ? { action: f.action.trim() } : {}),
    ...(f.actor.trim() ? { actor: f.actor.trim() } : {}),
    ...(f.target.trim() ? { target: f.target.trim() } : {}),
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
    ...(cursor ? { cursor } : {}),
  }
}

/**
 * Why the filters cannot be applied, or undefined.
 * @example auditFilterProblem({ ...NO_AUDIT_FILTER, from: '2025-02-01', to: '2025-01-01' })
 *   // '"From" is after "To"'
 */
export function auditFilterProblem(f: AuditFilters): string | undefined {
  const from = localDay(f.from)
  const to = localDay(f.to)
  if (f.from && from === undefined) return '"From" is not a date'
  if (f.to && to === undefined) return '"To" is not a date'
  if (from !== undefined && to !== undefined && from > to) return '"From" is after "To"'
  return undefined
}
