import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type TestServer, testServer } from './test-server.ts'

let s: TestServer
beforeEach(async () => {
  s = await testServer()
})
afterEach(() => s.cleanup())

const SECRET = 'sk-live-VERY-SECRET-0123456789'

describe('credentials routes', () => {
  it('stores values write-only, encrypted at rest, audited without the value', async () => {
    const admin = await s.as('admin')
    const created = await s.request('/api/credentials', {
      method: 'POST',
      headers: admin.headers,
      body: JSON.stringify({ name: 'vt', type: 'virustotal', value: SECRET }),
    })
    expect(created.status).toBe(201)
    expect(await created.text()).not.toContain(SECRET)
    const again = await s.request('/api/credentials', {
      method: 'POST',
      headers: admin.headers,
      body: JSON.stringify({ name: 'vt', type: 'virustotal', value: 'x' }),
    })
    expect(again.status).toBe(409)
    const put = await s.request('/api/credentials/vt', {
      method: 'PUT',
      headers: admin.headers,
      body: JSON.stringify({ value: `${SECRET}-2` }),
    })
    expect(put.status).toBe(200)
    const analyst = await s.as('analyst')
    const list = await s.request('/api/credentials', { headers: analyst.headers })
    const text = await list.text()
    expect(text).toContain('"vt"')
    expect(text).not.toContain(SECRET)
    expect(await s.deps.stores.credentials.reveal('vt')).toBe(`${SECRET}-2`)
    const audit = await s.deps.stores.audit.list()
    expect(audit.items.map((e) => e.action)).toEqual(['credential.update', 'credential.create'])
    expect(JSON.stringify(audit)).not.toContain(SECRET)
    const del = await s.request('/api/credentials/vt', { method: 'DELETE', headers: admin.headers })
    expect(del.status).toBe(200)
    expect(
      (await s.request('/api/credentials/vt', { method: 'DELETE', headers: admin.headers })).status,
    ).toBe(404)
    for (const f of ['bulwark.db', 'bulwark.db-wal']) {
      let bytes = ''
      try {
        bytes = readFileSync(join(s.dataDir, f)).toString('latin1')
      } catch {}
      expect(bytes).not.toContain(SECRET)
    }
  })

  it('an analyst may list but not write', async () => {
    const analyst = await s.as('analyst')
    const res = await s.request('/api/credentials', {
      method: 'POST',
      headers: analyst.headers,
      body: JSON.stringify({ name: 'vt', type: 'x', value: 'y' }),
    })
    expect(res.status).toBe(403)
  })
})
