import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type TestServer, testServer } from './test-server.ts'

let s: TestServer
beforeEach(async () => {
  s = await testServer()
})
afterEach(() => s.cleanup())

describe('audit route', () => {
  it('filters and pages, newest first', async () => {
    const admin = await s.as('admin')
    for (let i = 0; i < 5; i++)
      await s.deps.stores.audit.append({ actor: 'x', action: 'test.one', target: `t${i}` })
    await s.deps.stores.audit.append({ actor: 'y', action: 'test.two' })
    const page1 = (await (
      await s.request('/api/audit?action=test.one&limit=3', { headers: admin.headers })
    ).json()) as { items: { target: string }[]; nextCursor?: string }
    expect(page1.items.map((e) => e.target)).toEqual(['t4', 't3', 't2'])
    const page2 = (await (
      await s.request(`/api/audit?action=test.one&limit=3&cursor=${page1.nextCursor}`, {
        headers: admin.headers,
      })
    ).json()) as { items: { target: string }[]; nextCursor?: string }
    expect(page2.items.map((e) => e.target)).toEqual(['t1', 't0'])
    expect(page2.nextCursor).toBeUndefined()
    const bad = await s.request('/api/audit?cursor=nonsense', { headers: admin.headers })
    expect(bad.status).toBe(400)
  })

  it('is admin only', async () => {
    const champ = await s.as('champion')
    expect((await s.request('/api/audit', { headers: champ.headers })).status).toBe(403)
  })
})
