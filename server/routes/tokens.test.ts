import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type TestServer, testServer } from './test-server.ts'

let s: TestServer
beforeEach(async () => {
  s = await testServer()
})
afterEach(() => s.cleanup())

describe('tokens routes', () => {
  it('creates a token shown once, stored hashed, usable, listed without value, revocable', async () => {
    const analyst = await s.as('analyst')
    const res = await s.request('/api/tokens', {
      method: 'POST',
      headers: analyst.headers,
      body: JSON.stringify({ name: 'ci', role: 'viewer' }),
    })
    expect(res.status).toBe(201)
    const { id, token, role } = (await res.json()) as { id: string; token: string; role: string }
    expect(role).toBe('viewer')
    const bearer = { authorization: `Bearer ${token}` }
    expect(await (await s.request('/api/auth/me', { headers: bearer })).json()).toMatchObject({
      role: 'viewer',
    })
    const list = await (await s.request('/api/tokens', { headers: analyst.headers })).text()
    expect(list).toContain(id)
    expect(list).not.toContain(token)
    const row = s.deps.stores.users
    expect(JSON.stringify(await row.listApiTokens())).not.toContain(token)
    const del = await s.request(`/api/tokens/${id}`, { method: 'DELETE', headers: analyst.headers })
    expect(del.status).toBe(200)
    expect((await s.request('/api/auth/me', { headers: bearer })).status).toBe(401)
  })

  it('refuses a role above the caller’s, and others’ tokens', async () => {
    const viewer = await s.as('viewer')
    const other = await s.as('analyst')
    const high = await s.request('/api/tokens', {
      method: 'POST',
      headers: viewer.headers,
      body: JSON.stringify({ name: 'x', role: 'admin' }),
    })
    expect(high.status).toBe(403)
    const mine = (await s.deps.stores.users.listApiTokens(other.user.id))[0]!
    const steal = await s.request(`/api/tokens/${mine.id}`, { method: 'DELETE', headers: viewer.headers })
    expect(steal.status).toBe(404)
  })
})
