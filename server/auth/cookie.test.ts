import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { clearSessionCookies, setSessionCookies } from './cookie.ts'

const NOW = 1_700_000_000_000

function buildApp() {
  const app = new Hono()
  app.post('/login', (c) => {
    setSessionCookies(c, { token: 'tok', csrfToken: 'csrf', expiresAt: NOW + 3600_000 }, NOW)
    return c.body(null, 204)
  })
  app.post('/logout', (c) => {
    clearSessionCookies(c)
    return c.body(null, 204)
  })
  return app
}

describe('session cookies', () => {
  it('sets an HttpOnly, SameSite=Strict, Path=/ session cookie, not Secure over http', async () => {
    const res = await buildApp().request('http://localhost/login', { method: 'POST' })
    const [session, csrf] = res.headers.getSetCookie()
    expect(session).toMatch(/^bulwark_session=tok;/)
    expect(session).toContain('HttpOnly')
    expect(session).toContain('SameSite=Strict')
    expect(session).toContain('Path=/')
    expect(session).toContain('Max-Age=3600')
    expect(session).not.toContain('Secure')
    expect(csrf).toMatch(/^bulwark_csrf=csrf;/)
    expect(csrf).not.toContain('HttpOnly')
  })

  it('adds Secure over https', async () => {
    const res = await buildApp().request('https://bulwark.example/login', { method: 'POST' })
    for (const cookie of res.headers.getSetCookie()) expect(cookie).toContain('Secure')
  })

  it('clears both cookies', async () => {
    const res = await buildApp().request('/logout', { method: 'POST' })
    const cookies = res.headers.getSetCookie()
    expect(cookies).toHaveLength(2)
    for (const cookie of cookies) expect(cookie).toContain('Max-Age=0')
  })
})
