import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type TestServer, testServer } from './test-server.ts'

let s: TestServer
beforeEach(async () => {
  s = await testServer()
})
afterEach(() => s.cleanup())

describe('users routes', () => {
  it('an admin creates, lists, re-roles and disables users; never sees hashes', async () => {
    const admin = await s.as('admin')
    const created = await s.request('/api/users', {
      method: 'POST',
      headers: admin.headers,
      body: JSON.stringify({ username: 'bob', password: 'a long enough password', role: 'viewer' }),
    })
    expect(created.status).toBe(201)
    const bob = (await created.json()) as { id: string }
    const dup = await s.request('/api/users', {
      method: 'POST',
      headers: admin.headers,
      body: JSON.stringify({ username: 'bob', password: 'a long enough password', role: 'viewer' }),
    })
    expect(dup.status).toBe(409)
    const patched = await s.request(`/api/users/${bob.id}`, {
      method: 'PATCH',
      headers: admin.headers,
      body: JSON.stringify({ role: 'responder', disabled: true }),
    })
    expect(await patched.json()).toMatchObject({ role: 'responder', disabled: true })
    const list = await (await s.request('/api/users', { headers: admin.headers })).text()
    expect(list).toContain('bob')
    expect(list).not.toMatch(/scrypt|password/i)
  })

  it('refuses weak passwords (422) and self-lockout (409)', async () => {
    const admin = await s.as('admin')
    const weak = await s.request('/api/users', {
      method: 'POST',
      headers: admin.headers,
      body: JSON.stringify({ username: 'carol', password: 'short', role: 'viewer' }),
    })
    expect(weak.status).toBe(422)
    const self = await s.request(`/api/users/${admin.user.id}`, {
      method: 'PATCH',
      headers: admin.headers,
      body: JSON.stringify({ disabled: true }),
    })
    expect(self.status).toBe(409)
  })

  it('a demoted user’s tokens act with the lower role', async () => {
    const admin = await s.as('admin')
    const champ = await s.as('champion')
    await s.request(`/api/users/${champ.user.id}`, {
      method: 'PATCH',
      headers: admin.headers,
      body: JSON.stringify({ role: 'viewer' }),
    })
    const me = await s.request('/api/auth/me', { headers: champ.headers })
    expect(await me.json()).toMatchObject({ role: 'viewer', via: 'token' })
  })
})
