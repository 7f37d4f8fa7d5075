/** Stable codes of runner refusals; routes map them to HTTP statuses. */
export type RunnerErrorCode =
  /** The run, playbook, version or approval does not exist (404). */
  | 'NOT_FOUND'
  /** A production run was asked of a playbook that has no published version (409). */
  | 'NOT_PUBLISHED'
  /** The person may not decide this approval (403). */
  | 'FORBIDDEN'
  /** The run or approval is not in a state that allows this (409). */
  | 'INVALID_STATE'
  /** The request itself is wrong, e.g. retry from a node the playbook does not have (422). */
  | 'INVALID_REQUEST'
  /** The stored playbook no longer validates (e.g. a node type was removed); the run fails with it. */
  | 'INVALID_PLAYBOOK'

/**
 * A runner operation refused for a reason the caller can act on (not a bug).
 * @example throw new RunnerError('NOT_PUBLISHED', 'playbook "triage" has no published version')
 */
export class RunnerError extends Error {
  constructor(
    readonly code: RunnerErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'RunnerError'
  }
}
