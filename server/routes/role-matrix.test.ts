import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { can, type Permission, ROLES, type Role } from '../auth/roles.ts'
import { type TestServer, testServer } from './test-server.ts'

/**
 * Every route × every role, read from the OpenAPI document (each route documents its permission as
 * `x-permission`): a role without the permission gets 403 FORBIDDEN, a role with it never does.
 */
let s: TestServer
const headers = {} as Record<Role, Record<string, string>>
let routes: { method: string; path: string; permission: Permission }[] = []

beforeAll(async () => {
  s = await testServer()
  for (const role of ROLES) headers[role] = (await s.as(role)).headers
  const doc = (await (await s.request('/api/openapi.json', { headers: headers.admin })).json()) as {
    paths: Record<string, Record<string, { 'x-permission'?: Permission }>>
  }
  routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([, op]) => op['x-permission'])
      .map(([method, op]) => ({ method, path, permission: op['x-permission']! })),
  )
})
afterAll(() => s.cleanup())

describe('role matrix', () => {
  it('covers the routes of this module set', () => {
    expect(routes.length).toBeGreaterThanOrEqual(15)
  })

  it('answers 403 exactly when the role lacks the permission', async () => {
    const wrong: string[] = []
    for (const r of routes) {
      const url = r.path.replace(/\{[^}]+\}/g, 'x-1')
      for (const role of ROLES) {
        const res = await s.request(url, {
          method: r.method.toUpperCase(),
          headers: headers[role],
          body: r.method === 'get' ? undefined : '{}',
        })
        const body = res.status === 403 ? ((await res.json()) as { error: { code: string } }) : undefined
        const forbidden = body?.error.code === 'FORBIDDEN'
        if (forbidden === can(role, r.permission) || res.status === 401)
          wrong.push(`${r.method} ${r.path} as ${role}: ${res.status}`)
      }
    }
    expect(wrong).toEqual([])
  })
})
