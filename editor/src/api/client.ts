import createClient, { type Middleware } from 'openapi-fetch'
import type { components, paths } from './schema.gen.ts'

/** Every schema of the API by name, e.g. `Schemas['RunDetail']`. */
export type Schemas = components['schemas']

/** One problem of a 422 answer: what is wrong and where. */
export interface ApiProblem {
  code: string
  message: string
  path?: string
  nodeId?: string
  severity?: string
}

/** A non-2xx answer of the API, with the server's error code and every problem it listed. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: ApiProblem[] = [],
    /** Seconds to wait before trying again (the `retry-after` header of a 429 or 503). */
    readonly retryAfterSec?: number,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/** The CSRF token the server sets in a script-readable cookie at login. */
export function csrfToken(cookie: string = typeof document === 'undefined' ? '' : document.cookie) {
  const match = /(?:^|;\s*)bulwark_csrf=([^;]*)/.exec(cookie)
  return match ? decodeURIComponent(match[1] ?? '') : undefined
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

const csrf: Middleware = {
  onRequest({ request }) {
    const token = csrfToken()
    if (token && STATE_CHANGING.has(request.method)) request.headers.set('x-csrf-token', token)
    return request
  },
}

/** Listeners told when any call answers 401 (the session ended): the app shows the login page. */
const unauthorizedListeners = new Set<() => void>()
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener)
  return () => unauthorizedListeners.delete(listener)
}

const sessionWatch: Middleware = {
  onResponse({ response, request }) {
    if (response.status === 401 && !request.url.endsWith('/api/auth/login'))
      for (const l of unauthorizedListeners) l()
    return response
  },
}

/**
 * The typed client of the server's routes (types generated from its OpenAPI document). Sends the
 * session cookie and, on state-changing calls, the CSRF header.
 * @example const { data, error, response } = await api.GET('/api/runs/{id}', { params: { path: { id } } })
 */
export function createApi(baseUrl = '') {
  const client = createClient<paths>({ baseUrl, credentials: 'same-origin' })
  client.use(csrf, sessionWatch)
  return client
}

export const api = createApi(typeof location === 'undefined' ? 'http://127.0.0.1' : location.origin)

/** The answer of an openapi-fetch call: data on success, throws `ApiError` otherwise. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok && result.error === undefined) return result.data as T
  const body = (result.error ?? {}) as {
    error?: { code?: string; message?: string; details?: { problems?: ApiProblem[] } }
  }
  const err = body.error ?? {}
  throw new ApiError(
    result.response.status,
    err.code ?? `HTTP_${result.response.status}`,
    err.message ?? result.response.statusText ?? 'request failed',
    err.details?.problems ?? [],
    retryAfter(result.response.headers.get('retry-after')),
  )
}

function retryAfter(header: string | null): number | undefined {
  const seconds = header === null ? Number.NaN : Number(header)
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined
}
