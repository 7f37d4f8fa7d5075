import type { MiddlewareHandler } from 'hono'
import { HttpError } from '../app/errors.ts'
import { hashToken } from '../crypto/token.ts'
import { CSRF_HEADER, clearSessionCookies, readSessionCookie } from './cookie.ts'
import { csrfMatches, isStateChanging } from './csrf.ts'
import type { AuthEnv, UserRecord } from './user.ts'

type Awaitable<T> = T | Promise<T>

/** A stored session, found by the sha256 (hex) of the cookie's token. */
export interface SessionRecord {
  user: UserRecord
  csrfToken: string
  /** Epoch ms. */
  expiresAt: number
}

/** Finds sessions by token hash; the SQLite store implements it (and returns nothing for a disabled user). */
export interface SessionLookup {
  get(tokenHash: string): Awaitable<SessionRecord | undefined>
}

/**
 * Finds API tokens by hash; returns the token's user with the token's role, or nothing when the token
 * is revoked or its user disabled.
 */
export interface TokenLookup {
  get(tokenHash: string): Awaitable<UserRecord | undefined>
}

/** Options of `authenticate`. */
export interface AuthenticateOptions {
  sessions: SessionLookup
  tokens: TokenLookup
  /** Injected clock (epoch ms) for session expiry. */
  now?: () => number
}

/**
 * Identifies the caller by `Authorization: Bearer <api token>` or the `bulwark_session` cookie and
 * sets `c.var.user`. A request without valid credentials passes on without a user (so
 * `requirePermission` answers 401); an expired session's cookies are cleared. A cookie-authenticated
 * POST/PUT/PATCH/DELETE must carry the session's CSRF token in `x-csrf-token` (403 otherwise); API
 * tokens are exempt since browsers never send them on their own.
 * @example app.use('/api/*', authenticate({ sessions, tokens }))
 */
export function authenticate(options: AuthenticateOptions): MiddlewareHandler<AuthEnv> {
  if (typeof options?.sessions?.get !== 'function')
    throw new TypeError('authenticate: sessions.get is required')
  if (typeof options.tokens?.get !== 'function') throw new TypeError('authenticate: tokens.get is required')
  const { sessions, tokens } = options
  const now = options.now ?? Date.now

  return async function authenticateMiddleware(c, next) {
    const authorization = c.req.header('authorization')
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization)
      const user = match?.[1] ? await tokens.get(hashToken(match[1])) : undefined
      if (user) c.set('user', { ...user, via: 'token' })
      return next()
    }

    const token = readSessionCookie(c)
    if (token === undefined) return next()
    const session = await sessions.get(hashToken(token))
    if (!session || session.expiresAt <= now()) {
      clearSessionCookies(c)
      return next()
    }
    if (isStateChanging(c.req.method) && !csrfMatches(c.req.header(CSRF_HEADER), session.csrfToken)) {
      throw new HttpError(403, 'CSRF', `missing or wrong ${CSRF_HEADER} header`)
    }
    c.set('user', { ...session.user, via: 'session' })
    return next()
  }
}
