import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { ZodError } from 'zod'
import { ValidationError } from '../../runtime/format/problems.ts'

/**
 * The one error class for HTTP answers: a status, a stable code the UI relies on, a message safe to
 * show, and optional details (e.g. validation problems).
 * @example throw new HttpError(404, 'NOT_FOUND', 'playbook not found')
 */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'HttpError'
  }
}

/** The JSON body of every error answer. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown }
}

/** One validation problem as the API reports it. */
export interface ApiProblem {
  path: string
  message: string
  code?: string
}

/**
 * Turns a zod error into problems with JSON paths (`$.nodes[0].id`), one per issue.
 * @example zodProblems(err) // [{ path: '$.mode', message: 'Invalid option…', code: 'invalid_value' }]
 */
export function zodProblems(err: ZodError): ApiProblem[] {
  return err.issues.map((issue) => ({
    path: issue.path.reduce<string>(
      (out, seg) => (typeof seg === 'number' ? `${out}[${seg}]` : `${out}.${String(seg)}`),
      '$',
    ),
    message: issue.message,
    code: issue.code,
  }))
}

/** Converts any thrown value to `[status, body]`; unknown errors become a generic 500. */
export function toErrorResponse(err: unknown): [ContentfulStatusCode, ErrorBody] {
  if (err instanceof HttpError) {
    const body: ErrorBody = { error: { code: err.code, message: err.message } }
    if (err.details !== undefined) body.error.details = err.details
    return [err.status, body]
  }
  if (err instanceof ZodError) {
    const problems = zodProblems(err)
    return [422, { error: { code: 'VALIDATION', message: summary(problems), details: { problems } } }]
  }
  if (err instanceof ValidationError) {
    return [422, { error: { code: 'VALIDATION', message: err.message, details: { problems: err.problems } } }]
  }
  if (err instanceof HTTPException && err.status < 500) {
    // Thrown by hono's own middleware (e.g. a malformed JSON body): keep the status, not internals.
    return [err.status, { error: { code: `HTTP_${err.status}`, message: err.message || 'request refused' } }]
  }
  return [500, { error: { code: 'INTERNAL', message: 'internal server error' } }]
}

function summary(problems: ApiProblem[]): string {
  const first = problems[0]
  if (!first) return 'invalid request'
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''
  return `${first.path}: ${first.message}${more}`
}

/** Options of `createOnError`. */
export interface OnErrorOptions {
  /** Called with unexpected errors (500s) for logging; never sent to the client. */
  log?: (err: unknown, c: Context) => void
}

/**
 * The app's one error handler: `app.onError(createOnError({ log }))`. Known errors keep their status
 * and code; anything else is a 500 with a generic message (no stack, no secrets).
 */
export function createOnError(options: OnErrorOptions = {}) {
  const log = options.log ?? ((err: unknown) => console.error(err))
  return function onError(err: unknown, c: Context) {
    const [status, body] = toErrorResponse(err)
    if (status >= 500) log(err, c)
    return c.json(body, status)
  }
}

/** `createOnError()` with the default logger (console.error). */
export const onError = createOnError()
