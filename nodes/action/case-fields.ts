/**
 * The vocabulary of cases, shared by `action.case` and the server's case store: statuses in their
 * usual order, and the dispositions a closed case can get. Severities are the alert scale
 * (`SEVERITIES` in trigger/alert/shape.ts).
 */

/** A case's life: new → acknowledged → contained → resolved → closed (the server checks transitions). */
export const CASE_STATUSES = ['new', 'acknowledged', 'contained', 'resolved', 'closed'] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]

/** What a case turned out to be. */
export const DISPOSITIONS = ['true_positive', 'false_positive', 'benign'] as const
export type Disposition = (typeof DISPOSITIONS)[number]

/**
 * Where a case may go from each status (the server refuses other moves; the editor offers these).
 * Forward moves may skip steps (a false positive goes from new straight to closed); a resolved or
 * closed case can only be reopened, as acknowledged.
 * @example NEXT_STATUSES.closed // ['acknowledged']
 */
export const NEXT_STATUSES: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  new: ['acknowledged', 'contained', 'resolved', 'closed'],
  acknowledged: ['contained', 'resolved', 'closed'],
  contained: ['resolved', 'closed'],
  resolved: ['closed', 'acknowledged'],
  closed: ['acknowledged'],
}
