import { afterEach, describe, expect, it } from 'vitest'
import { tempDatabase } from '../db/test-db.ts'
import { createSqliteUserStore } from './sqlite-user-store.ts'
import { testDeps } from './test-clock.ts'

let t: ReturnType<typeof tempDatabase> | undefined
afterEach(() => t?.cleanup())

function setup() {
  t = tempDatabase()
  const deps = testDeps()
  return { deps, store: createSqliteUserStore(t.db, deps) }
}

describe('SqliteUserStore', () => {
  it('creates users with scrypt hashes and verifies passwords', async () => {
    const { store } = setup()
    const alice = await store.create({ username: 'alice', password: 'pw-alice-123', role: 'admin' })
    expect(alice).not.toHaveProperty('passwordHash')
    await expect(store.create({ username: 'alice', password: 'x', role: 'viewer' })).rejects.toMatchObject({
      code: 'CONFLICT',
    })
    expect(t!.sqlite.prepare('SELECT password_hash FROM users').pluck().get()).toMatch(/^scrypt\$/)
    expect((await store.verifyPassword('alice', 'pw-alice-123'))?.id).toBe(alice.id)
    expect(await store.verifyPassword('alice', 'wrong')).toBeUndefined()
    expect(await store.verifyPassword('nobody', 'pw-alice-123')).toBeUndefined()
    await store.update(alice.id, { disabled: true })
    expect(await store.verifyPassword('alice', 'pw-alice-123')).toBeUndefined()
    expect(await store.count()).toBe(1)
  })

  it('sessions are stored hashed, expire, and end when the user is disabled', async () => {
    const { store, deps } = setup()
    const bob = await store.create({ username: 'bob', password: 'pw', role: 'analyst' })
    const s = await store.createSession(bob.id, 1000)
    expect(t!.sqlite.prepare('SELECT id FROM sessions').pluck().get()).not.toBe(s.token)
    expect(await store.getSession(s.token)).toMatchObject({
      session: { csrfToken: s.csrfToken },
      user: { id: bob.id },
    })
    expect(await store.getSession('forged')).toBeUndefined()
    deps.advance(1000)
    expect(await store.getSession(s.token)).toBeUndefined()
    expect(await store.pruneSessions()).toBe(1)
    const s2 = await store.createSession(bob.id, 1000)
    await store.update(bob.id, { disabled: true })
    expect(await store.getSession(s2.token)).toBeUndefined()
  })

  it('API tokens are shown once, stored as sha256, record use and can be revoked', async () => {
    const { store } = setup()
    const carl = await store.create({ username: 'carl', password: 'pw', role: 'responder' })
    const tok = await store.createApiToken({ userId: carl.id, name: 'siem', role: 'responder' })
    expect(tok.token).toMatch(/^bwk_/)
    expect(JSON.stringify(await store.listApiTokens(carl.id))).not.toContain(tok.token)
    const hit = await store.verifyApiToken(tok.token)
    expect(hit).toMatchObject({ token: { name: 'siem', role: 'responder' }, user: { username: 'carl' } })
    expect(hit?.token.lastUsedAt).not.toBeNull()
    expect(await store.revokeApiToken(tok.id)).toBe(true)
    expect(await store.verifyApiToken(tok.token)).toBeUndefined()
    expect((await store.listApiTokens())[0]?.revokedAt).not.toBeNull()
  })
})
