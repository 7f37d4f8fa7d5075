import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import starter from '../../nodes/templates/starter/urlhaus-url-lookup.json' with { type: 'json' }
import { type TestServer, testServer } from './test-server.ts'

let s: TestServer
beforeEach(async () => {
  s = await testServer()
})
afterEach(() => s.cleanup())

const acme = (version: number, title = 'ACME URL lookup') => ({
  ...starter,
  id: 'acme.url-lookup',
  version,
  title,
})

describe('templates routes', () => {
  it('publishes JSON and YAML, joins the registry at once, refuses changed content', async () => {
    const champ = await s.as('champion')
    const json = await s.request('/api/templates', {
      method: 'POST',
      headers: champ.headers,
      body: JSON.stringify(acme(1)),
    })
    expect(json.status).toBe(201)
    expect(s.deps.registry.get('acme.url-lookup', 1)?.title).toBe('ACME URL lookup')
    const same = await s.request('/api/templates', {
      method: 'POST',
      headers: champ.headers,
      body: JSON.stringify(acme(1)),
    })
    expect(same.status).toBe(200)
    const changed = await s.request('/api/templates', {
      method: 'POST',
      headers: champ.headers,
      body: JSON.stringify(acme(1, 'Changed')),
    })
    expect(changed.status).toBe(409)
    expect(((await changed.json()) as { error: { code: string } }).error.code).toBe('TEMPLATE_VERSION_EXISTS')
    const yaml = await s.request('/api/templates', {
      method: 'POST',
      headers: { ...champ.headers, 'content-type': 'application/yaml' },
      body: stringify(acme(2, 'ACME v2')),
    })
    expect(yaml.status).toBe(201)
    expect(s.deps.registry.versions('acme.url-lookup')).toEqual([1, 2])
    const versions = await s.request('/api/templates/acme.url-lookup/versions', { headers: champ.headers })
    expect(((await versions.json()) as { items: unknown[] }).items).toHaveLength(2)
    const dep = await s.request('/api/templates/acme.url-lookup/versions/1/deprecate', {
      method: 'POST',
      headers: champ.headers,
    })
    expect(((await dep.json()) as { deprecated: boolean }).deprecated).toBe(true)
    const audit = await s.deps.stores.audit.list({ action: 'template.publish' })
    expect(audit.items).toHaveLength(2)
  })

  it('answers 422 with problems for an invalid template and 409 for a built-in id', async () => {
    const champ = await s.as('champion')
    const bad = await s.request('/api/templates', {
      method: 'POST',
      headers: { ...champ.headers, 'content-type': 'application/yaml' },
      body: 'id: acme.x\nversion: one\n',
    })
    expect(bad.status).toBe(422)
    const builtin = await s.request('/api/templates', {
      method: 'POST',
      headers: champ.headers,
      body: JSON.stringify({ ...starter, id: 'enrich.ip-info' }),
    })
    expect([409, 422]).toContain(builtin.status)
  })

  it('an analyst may read but not publish', async () => {
    const analyst = await s.as('analyst')
    expect((await s.request('/api/templates', { headers: analyst.headers })).status).toBe(200)
    const res = await s.request('/api/templates', {
      method: 'POST',
      headers: analyst.headers,
      body: JSON.stringify(acme(1)),
    })
    expect(res.status).toBe(403)
  })
})
