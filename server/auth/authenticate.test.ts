import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { onError } from '../app/errors.ts'
import { authenticate } from './authenticate.ts'
import { requirePermission } from './require-permission.ts'
import { fakeAuthStores } from './test-fakes.ts'
import type { AuthEnv } from './user.ts'

const NOW = 1_700_000_000_000

function buildApp() {
  const stores = fakeAuthStores()
  const alice = { id: 'u1', username: 'alice', role: 'analyst' as const }
  stores.addSession('live', { user: alice, csrfToken: 'csrf-1', expiresAt: NOW + 60_000 })
  stores.addSession('old', { user: alice, csrfToken: 'csrf-2', expiresAt: NOW - 1 })
  stores.addToken('api-1', { ...alice, role: 'viewer' })
  stores.addToken('api-2', alice)
  const app = new Hono<AuthEnv>()
  app.onError(onError)
  app.use('*', authenticate({ ...stores, now: () => NOW }))
  app.get('/me', requirePermission('run.read'), (c) => c.json(c.get('user')))
  app.post('/drafts', requirePermission('playbook.edit'), (c) => c.json({ ok: true }, 201))
  return app
}

describe('authenticate', () => {
  const app = buildApp()

  it('accepts a live session cookie', async () => {
    const res = await app.request('/me', { headers: { cookie: 'bulwark_session=live' } })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ id: 'u1', username: 'alice', role: 'analyst', via: 'session' })
  })

  it('answers 401 for a missing, unknown or expired session and clears an expired cookie', async () => {
    expect((await app.request('/me')).status).toBe(401)
    expect((await app.request('/me', { headers: { cookie: 'bulwark_session=forged' } })).status).toBe(401)
    const res = await app.request('/me', { headers: { cookie: 'bulwark_session=old' } })
    expect(res.status).toBe(401)
    expect(res.headers.get('set-cookie')).toMatch(/bulwark_session=;.*Max-Age=0/)
  })

  it('takes the role from the API token', async () => {
    const res = await app.request('/me', { headers: { authorization: 'Bearer api-1' } })
    expect(await res.json()).toEqual({ id: 'u1', username: 'alice', role: 'viewer', via: 'token' })
  })

  it('refuses a state-changing session request without the CSRF header (403)', async () => {
    const res = await app.request('/drafts', { method: 'POST', headers: { cookie: 'bulwark_session=live' } })
    expect(res.status).toBe(403)
    expect((await res.json()).error.code).toBe('CSRF')
  })

  it('refuses a wrong CSRF token, accepts the right one', async () => {
    const wrong = await app.request('/drafts', {
      method: 'POST',
      headers: { cookie: 'bulwark_session=live', 'x-csrf-token': 'csrf-2' },
    })
    expect(wrong.status).toBe(403)
    const right = await app.request('/drafts', {
      method: 'POST',
      headers: { cookie: 'bulwark_session=live', 'x-csrf-token': 'csrf-1' },
    })
    expect(right.status).toBe(201)
  })

  it('exempts API tokens from CSRF', async () => {
    const res = await app.request('/drafts', { method: 'POST', headers: { authorization: 'Bearer api-2' } })
    expect(res.status).toBe(201)
  })

  it('validates its options at once', () => {
    expect(() => authenticate({} as never)).toThrow(TypeError)
  })
})
