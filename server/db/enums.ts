/** The value lists of the schema's enum columns, shared by the tables, the stores and the routes. */

/** Roles, weakest first (ARCHITECTURE.md, security model). */
export const ROLES = ['viewer', 'analyst', 'champion', 'responder', 'admin'] as const
export type Role = (typeof ROLES)[number]

/** A run's status in the queue: `queued` before a worker claims it, then the engine's `RunStatus`. */
export const RUN_STATUSES = [
  'queued',
  'running',
  'waiting',
  'succeeded',
  'failed',
  'cancelled',
  'timed_out',
] as const
export type RunRowStatus = (typeof RUN_STATUSES)[number]

export const RUN_MODES = ['test', 'production'] as const
/** `cancelled`: closed undecided because its run was cancelled or ended while the gate was open. */
export const APPROVAL_STATUSES = ['pending', 'approved', 'rejected', 'timed_out', 'cancelled'] as const
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number]
