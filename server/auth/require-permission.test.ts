import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { onError } from '../app/errors.ts'
import { authenticate } from './authenticate.ts'
import { requirePermission } from './require-permission.ts'
import { PERMISSIONS, type Permission, ROLES, type Role } from './roles.ts'
import { fakeAuthStores } from './test-fakes.ts'
import type { AuthEnv } from './user.ts'

/** The matrix of roles.ts written out again, independently, so a change to either is noticed. */
const GRANTED: Record<Role, Permission[]> = {
  viewer: ['playbook.read', 'run.read', 'template.read', 'approval.read', 'token.own', 'case.read'],
  analyst: [
    ...['playbook.read', 'run.read', 'template.read', 'approval.read', 'token.own', 'case.read'],
    ...['playbook.edit', 'run.test', 'credential.list', 'case.manage'],
  ] as Permission[],
  champion: [
    ...['playbook.read', 'run.read', 'template.read', 'approval.read', 'token.own', 'case.read'],
    ...[
      'playbook.edit',
      'run.test',
      'credential.list',
      'case.manage',
      'playbook.publish',
      'template.publish',
    ],
  ] as Permission[],
  responder: [
    ...['playbook.read', 'run.read', 'template.read', 'approval.read', 'token.own', 'case.read'],
    ...[
      'playbook.edit',
      'run.test',
      'credential.list',
      'case.manage',
      'run.production',
      'run.cancel',
      'approval.decide',
    ],
  ] as Permission[],
  admin: [...PERMISSIONS],
}

function buildApp() {
  const stores = fakeAuthStores()
  for (const role of ROLES) stores.addToken(`tok-${role}`, { id: `u-${role}`, username: role, role })
  const app = new Hono<AuthEnv>()
  app.onError(onError)
  app.use('*', authenticate(stores))
  for (const perm of PERMISSIONS) app.post(`/p/${perm}`, requirePermission(perm), (c) => c.json({ ok: true }))
  return app
}

describe('requirePermission', () => {
  const app = buildApp()
  const cases = ROLES.flatMap((role) =>
    PERMISSIONS.map((perm) => ({ role, perm, status: GRANTED[role].includes(perm) ? 200 : 403 })),
  )

  it.each(cases)('$role → $perm: $status', async ({ role, perm, status }) => {
    const res = await app.request(`/p/${perm}`, {
      method: 'POST',
      headers: { authorization: `Bearer tok-${role}` },
    })
    expect(res.status).toBe(status)
    if (status === 403) expect((await res.json()).error.code).toBe('FORBIDDEN')
  })

  it('answers 401 without credentials and with an unknown token', async () => {
    const variants: Record<string, string>[] = [
      {},
      { authorization: 'Bearer nope' },
      { authorization: 'Basic abc' },
    ]
    for (const headers of variants) {
      const res = await app.request('/p/run.read', { method: 'POST', headers })
      expect(res.status).toBe(401)
      expect((await res.json()).error.code).toBe('UNAUTHENTICATED')
    }
  })

  it('refuses an unknown permission when the route is declared', () => {
    expect(() => requirePermission('run.everything' as Permission)).toThrow(TypeError)
  })
})
