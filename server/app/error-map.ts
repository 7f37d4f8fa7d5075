import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { TemplateStoreError } from '../../nodes/templates/registry.ts'
import { RunnerError } from '../runner/errors.ts'
import { StoreError } from '../store/errors.ts'
import { createOnError, HttpError, type OnErrorOptions } from './errors.ts'

const STORE_STATUS: Record<string, ContentfulStatusCode> = {
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 409,
  INVALID_CURSOR: 400,
}
const RUNNER_STATUS: Record<string, ContentfulStatusCode> = {
  NOT_FOUND: 404,
  NOT_PUBLISHED: 409,
  FORBIDDEN: 403,
  INVALID_STATE: 409,
  INVALID_REQUEST: 422,
  INVALID_PLAYBOOK: 422,
}
const TEMPLATE_STATUS: Record<string, ContentfulStatusCode> = {
  INVALID_TEMPLATE: 422,
  TEMPLATE_VERSION_EXISTS: 409,
  TEMPLATE_ID_RESERVED: 409,
  TEMPLATE_NOT_FOUND: 404,
}

/**
 * Turns the domain errors routes let through (store, runner, template store) into `HttpError`s with
 * the same stable code; anything else is returned unchanged.
 * @example toHttpError(new StoreError('NOT_FOUND', 'no such run')) // HttpError 404 NOT_FOUND
 */
export function toHttpError(err: unknown): unknown {
  if (err instanceof StoreError) return new HttpError(STORE_STATUS[err.code] ?? 400, err.code, err.message)
  if (err instanceof RunnerError) return new HttpError(RUNNER_STATUS[err.code] ?? 400, err.code, err.message)
  if (err instanceof TemplateStoreError) {
    const details = err.problems.length > 0 ? { problems: err.problems } : undefined
    return new HttpError(TEMPLATE_STATUS[err.code] ?? 400, err.code, err.message, details)
  }
  return err
}

/**
 * The server's `onError`: `createOnError` after `toHttpError`, so routes may simply let store and
 * runner errors propagate.
 * @example app.onError(createServerOnError({ log }))
 */
export function createServerOnError(options: OnErrorOptions = {}) {
  const inner = createOnError(options)
  return function serverOnError(err: unknown, c: Context) {
    return inner(toHttpError(err), c)
  }
}
