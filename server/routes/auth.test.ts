import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type TestServer, testServer } from './test-server.ts'

let s: TestServer
beforeEach(async () => {
  s = await testServer()
  await s.deps.stores.users.create({ username: 'alice', password: 'correct horse battery', role: 'analyst' })
})
afterEach(() => s.cleanup())

const login = (password = 'correct horse battery', username = 'alice') =>
  s.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })

function cookiesOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
}

describe('auth routes', () => {
  it('logs in with HttpOnly SameSite cookies and answers me', async () => {
    const res = await login()
    expect(res.status).toBe(200)
    const body = (await res.json()) as { user: { username: string; role: string }; csrfToken: string }
    expect(body.user).toMatchObject({ username: 'alice', role: 'analyst', via: 'session' })
    const setCookies = res.headers.getSetCookie()
    const session = setCookies.find((c) => c.startsWith('bulwark_session='))!
    expect(session).toMatch(/HttpOnly/i)
    expect(session).toMatch(/SameSite=Strict/i)
    const me = await s.request('/api/auth/me', { headers: { cookie: cookiesOf(res) } })
    expect(me.status).toBe(200)
    expect(await me.json()).toMatchObject({ username: 'alice', via: 'session' })
  })

  it('refuses a wrong password with 401 and locks after repeated failures', async () => {
    for (let i = 0; i < 5; i++) expect((await login('wrong')).status).toBe(401)
    const locked = await login()
    expect(locked.status).toBe(429)
    expect(locked.headers.get('retry-after')).toBeTruthy()
  })

  it('requires the CSRF header on state-changing cookie requests, and logout ends the session', async () => {
    const res = await login()
    const { csrfToken } = (await res.json()) as { csrfToken: string }
    const cookie = cookiesOf(res)
    const noCsrf = await s.request('/api/auth/logout', { method: 'POST', headers: { cookie } })
    expect(noCsrf.status).toBe(403)
    const out = await s.request('/api/auth/logout', {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken },
    })
    expect(out.status).toBe(200)
    expect((await s.request('/api/auth/me', { headers: { cookie } })).status).toBe(401)
  })

  it('a disabled user cannot log in and loses their session', async () => {
    const res = await login()
    const cookie = cookiesOf(res)
    const alice = await s.deps.stores.users.byUsername('alice')
    await s.deps.stores.users.update(alice!.id, { disabled: true })
    expect((await s.request('/api/auth/me', { headers: { cookie } })).status).toBe(401)
    expect((await login()).status).toBe(401)
  })

  it('audits logins without the password', async () => {
    await login('wrong-password-xyz')
    await login()
    const { items } = await s.deps.stores.audit.list()
    expect(items.map((e) => e.action)).toEqual(['auth.login', 'auth.login_failed'])
    expect(JSON.stringify(items)).not.toContain('wrong-password-xyz')
  })
})
