import { getConnInfo } from '@hono/node-server/conninfo'
import { z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { ServerDeps } from '../app/deps.ts'
import { HttpError } from '../app/errors.ts'
import { createApiApp, defineRoute } from '../app/openapi.ts'
import { clearSessionCookies, readSessionCookie, setSessionCookies } from '../auth/cookie.ts'
import { createLoginLimiter, type LoginLimiter, loginKey } from '../auth/login-limiter.ts'
import { ROLE_PERMISSIONS, type Role } from '../auth/roles.ts'
import { currentUser } from '../auth/user.ts'
import { json, jsonBody, MeSchema, OkSchema } from './schemas.ts'

const LoginBody = z
  .object({ username: z.string().min(1).max(200), password: z.string().min(1).max(1024) })
  .openapi('LoginRequest')
const LoginAnswer = z.object({ user: MeSchema, csrfToken: z.string() }).openapi('LoginAnswer')

const login = defineRoute({
  method: 'post',
  path: '/api/auth/login',
  permission: null,
  summary: 'Log in: sets the HttpOnly session cookie and the CSRF cookie',
  request: { body: jsonBody(LoginBody) },
  responses: {
    200: json(LoginAnswer, 'Logged in; send csrfToken as x-csrf-token on state-changing requests'),
    401: json(z.unknown(), 'Wrong user name or password, or the user is disabled'),
    429: json(z.unknown(), 'Too many failed logins for this user name from this address'),
  },
})

const logout = defineRoute({
  method: 'post',
  path: '/api/auth/logout',
  // Public on purpose: logging out with an expired session still clears the cookies.
  permission: null,
  summary: 'Log out: ends the session and clears the cookies',
  responses: { 200: json(OkSchema, 'Logged out') },
})

const me = defineRoute({
  method: 'get',
  path: '/api/auth/me',
  // Any logged-in caller (401 otherwise): there is no permission to lack.
  permission: null,
  summary: 'The caller: user and role',
  responses: { 200: json(MeSchema, 'The caller'), 401: json(z.unknown(), 'Not logged in') },
})

/** The caller as `/api/auth/me` and the login answer show it: who, which role, what it allows. */
function meOf(user: { id: string; username: string; role: Role }) {
  const permissions = [...ROLE_PERMISSIONS[user.role]].sort()
  return { id: user.id, username: user.username, role: user.role, permissions }
}

function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    return 'unknown' // app.request() in tests has no socket
  }
}

/**
 * `/api/auth/*`: login (rate-limited per user name and address), logout, me. Mount `authenticate`
 * on `/api/*` except the login route (which needs no CSRF token: it has no session yet).
 * @example api.route('/', authRoutes(deps))
 */
export function authRoutes(deps: ServerDeps, options: { limiter?: LoginLimiter } = {}) {
  const { users, audit } = deps.stores
  const limiter = options.limiter ?? createLoginLimiter({ now: () => deps.clock.now() })
  return createApiApp()
    .openapi(login, async (c) => {
      const { username, password } = c.req.valid('json')
      const key = loginKey(username, clientAddress(c))
      const limit = limiter.check(key)
      if (!limit.allowed) {
        c.header('retry-after', String(Math.ceil(limit.retryAfterMs / 1000)))
        throw new HttpError(429, 'RATE_LIMITED', 'too many failed logins: try again later')
      }
      const user = await users.verifyPassword(username, password)
      if (!user) {
        limiter.fail(key)
        await audit.append({ actor: username.slice(0, 200), action: 'auth.login_failed' })
        throw new HttpError(401, 'BAD_CREDENTIALS', 'wrong user name or password')
      }
      limiter.succeed(key)
      const session = await users.createSession(user.id, deps.config.sessionTtlMs)
      setSessionCookies(c, session, deps.clock.now())
      await audit.append({ actor: user.username, action: 'auth.login' })
      const answer = { ...meOf(user), via: 'session' as const }
      return c.json({ user: answer, csrfToken: session.csrfToken }, 200)
    })
    .openapi(logout, async (c) => {
      const token = readSessionCookie(c)
      if (token !== undefined) await users.deleteSession(token)
      clearSessionCookies(c)
      const user = c.get('user')
      if (user) await audit.append({ actor: user.username, action: 'auth.logout' })
      return c.json({ ok: true as const }, 200)
    })
    .openapi(me, (c) => {
      const user = currentUser(c)
      return c.json({ ...meOf(user), via: user.via }, 200)
    })
}
