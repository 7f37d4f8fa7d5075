import { ApiError } from '../api/client.ts'

/** One problem with where it is: a JSON path (`$.nodes[2].params.ip`, `request.url`) or none. */
export interface PathProblem {
  path?: string
  message: string
}

/** What the user is told about a failure: one sentence and, for 422 answers, every problem. */
export interface ErrorDescription {
  message: string
  problems: PathProblem[]
}

/**
 * Turns anything thrown by an API call or a parser into words for the user.
 * @example describeError(new ApiError(403, 'FORBIDDEN', 'role lacks run.cancel')).message
 *   // 'Not allowed: role lacks run.cancel'
 */
export function describeError(err: unknown): ErrorDescription {
  if (err instanceof ApiError) {
    const problems = err.problems.map((p) => ({ path: p.path, message: p.message }))
    if (err.status === 403) return { message: `Not allowed: ${err.message}`, problems }
    if (err.status === 404) return { message: `Not found: ${err.message}`, problems }
    if (err.status === 409) return { message: `Conflict: ${err.message}`, problems }
    if (err.status >= 500) return { message: `The server failed (${err.status}): ${err.message}`, problems }
    return { message: err.message, problems }
  }
  if (err instanceof TypeError && /fetch|network/i.test(err.message))
    return { message: 'Cannot reach the server: check the connection and try again.', problems: [] }
  if (err instanceof Error) return { message: err.message, problems: [] }
  return { message: String(err), problems: [] }
}
