import { timingSafeEqual } from 'node:crypto'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Whether a method changes state and so needs a CSRF token when authenticated by cookie. */
export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase())
}

/**
 * Compares the `x-csrf-token` header with the session's token in constant time.
 * @example csrfMatches(c.req.header('x-csrf-token'), session.csrfToken)
 */
export function csrfMatches(sent: string | undefined, expected: string): boolean {
  if (!sent || !expected) return false
  const a = Buffer.from(sent, 'utf8')
  const b = Buffer.from(expected, 'utf8')
  return a.length === b.length && timingSafeEqual(a, b)
}
