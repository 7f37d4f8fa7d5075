import { afterEach, describe, expect, it } from 'vitest'
import { type TestServer, testServer } from './test-server.ts'

let s: TestServer
afterEach(() => s.cleanup())

describe('system routes', () => {
  it('healthz is public and says little; security headers are set', async () => {
    s = await testServer()
    const res = await s.request('/healthz')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok', checks: { db: true } })
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
  })

  it('metrics: admin or the metrics token only, and that token opens nothing else', async () => {
    s = await testServer({ config: { metricsToken: 'scrape-secret-123' } })
    const analyst = await s.as('analyst')
    const admin = await s.as('admin')
    expect((await s.request('/metrics')).status).toBe(401)
    expect((await s.request('/metrics', { headers: analyst.headers })).status).toBe(403)
    const ok = await s.request('/metrics', { headers: admin.headers })
    expect(ok.status).toBe(200)
    expect(await ok.text()).toContain('bulwark_queue_depth')
    const scrape = { authorization: 'Bearer scrape-secret-123' }
    expect((await s.request('/metrics', { headers: scrape })).status).toBe(200)
    expect((await s.request('/api/users', { headers: scrape })).status).toBe(401)
  })

  it('the OpenAPI document needs a login and lists the routes with their permissions', async () => {
    s = await testServer()
    expect((await s.request('/api/openapi.json')).status).toBe(401)
    const viewer = await s.as('viewer')
    const res = await s.request('/api/openapi.json', { headers: viewer.headers })
    expect(res.status).toBe(200)
    const doc = (await res.json()) as { paths: Record<string, Record<string, { 'x-permission'?: string }>> }
    expect(doc.paths['/api/tokens']?.post?.['x-permission']).toBe('token.own')
    expect(doc.paths['/api/auth/login']).toBeDefined()
  })

  it('without a built editor, / points to the API description', async () => {
    s = await testServer()
    const res = await s.request('/')
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('/api/openapi.json')
  })
})
