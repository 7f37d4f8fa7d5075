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
