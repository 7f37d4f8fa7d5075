import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'

/** The session cookie: HttpOnly, so scripts never see the session token. */
export const SESSION_COOKIE = 'bulwark_session'
/** A script-readable copy of the CSRF token, which the editor echoes in `x-csrf-token`. */
export const CSRF_COOKIE = 'bulwark_csrf'
/** The header that carries the CSRF token on state-changing requests. */
export const CSRF_HEADER = 'x-csrf-token'

/** Whether the request reached us over https (cookies are then `Secure`). */
export function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:'
}

/** The raw session token from the request's cookie, if any. */
export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE) || undefined
}

/**
 * Sets the session cookie (HttpOnly, SameSite=Strict, Path=/, Secure on https) and the CSRF cookie
 * (readable by the editor, same flags otherwise) after a login.
 * @example setSessionCookies(c, { token, csrfToken, expiresAt })
 */
export function setSessionCookies(
  c: Context,
  session: { token: string; csrfToken: string; expiresAt: number },
  now: number = Date.now(),
): void {
  const base = {
    path: '/',
    sameSite: 'Strict' as const,
    secure: isHttps(c),
    maxAge: Math.max(0, Math.floor((session.expiresAt - now) / 1000)),
  }
  setCookie(c, SESSION_COOKIE, session.token, { ...base, httpOnly: true })
  setCookie(c, CSRF_COOKIE, session.csrfToken, { ...base, httpOnly: false })
}

/** Removes both cookies (logout, expired session). */
export function clearSessionCookies(c: Context): void {
  const opts = { path: '/', sameSite: 'Strict' as const, secure: isHttps(c) }
  deleteCookie(c, SESSION_COOKIE, { ...opts, httpOnly: true })
  deleteCookie(c, CSRF_COOKIE, opts)
}
