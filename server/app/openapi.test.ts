import { z } from '@hono/zod-openapi'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { authenticate } from '../auth/authenticate.ts'
import { fakeAuthStores } from '../auth/test-fakes.ts'
import type { AuthEnv } from '../auth/user.ts'
import { onError } from './errors.ts'
import { healthRoutes } from './health.ts'
import { createApiApp, defineRoute, serveOpenApiDocument } from './openapi.ts'

/** A sample route the way the lead will write them: the schemas validate and document at once. */
const StartRunSchema = z
  .object({
    event: z.record(z.string(), z.unknown()),
    mode: z.enum(['test', 'production']),
    version: z.number().int().positive().optional(),
  })
  .openapi('StartRun')

const startRun = defineRoute({
  method: 'post',
  path: '/api/playbooks/{id}/runs',
  permission: 'run.test',
  request: {
    params: z.object({ id: z.string().min(1) }),
    body: { content: { 'application/json': { schema: StartRunSchema } }, required: true },
  },
  responses: {
    202: {
      description: 'Queued',
      content: { 'application/json': { schema: z.object({ runId: z.string() }).openapi('RunQueued') } },
    },
  },
})

function buildApp() {
  const stores = fakeAuthStores()
  stores.addToken('tok-analyst', { id: 'u1', username: 'ann', role: 'analyst' })
  stores.addToken('tok-viewer', { id: 'u2', username: 'vic', role: 'viewer' })
  const api = createApiApp()
  // Sub-apps built with createApiApp bring their routes into the one document when mounted.
  api.route('/', healthRoutes({ checks: { db: () => true } }))
  api.use('/api/*', authenticate(stores))
  api.openapi(startRun, (c) => {
    const { id } = c.req.valid('param')
    const body = c.req.valid('json')
    return c.json({ runId: `${id}:${body.mode}` }, 202)
  })
  serveOpenApiDocument(api)
  const app = new Hono<AuthEnv>()
  app.onError(onError)
  app.route('/', api)
  return app
}

const post = (app: Hono<AuthEnv>, token: string, body: unknown) =>
  app.request('/api/playbooks/pb1/runs', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

describe('defineRoute and the OpenAPI document', () => {
  const app = buildApp()

  it('serves GET /healthz publicly', async () => {
    const res = await app.request('/healthz')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok', checks: { db: true } })
  })

  it('answers 503 when a check fails or throws', async () => {
    const sick = healthRoutes({
      checks: {
        db: () => false,
        queue: () => {
          throw new Error('x')
        },
      },
    })
    const res = await sick.request('/healthz')
    expect(res.status).toBe(503)
    expect(await res.json()).toEqual({ status: 'degraded', checks: { db: false, queue: false } })
  })

  it('validates with the schema and checks the permission', async () => {
    const ok = await post(app, 'tok-analyst', { event: { a: 1 }, mode: 'test' })
    expect(ok.status).toBe(202)
    expect(await ok.json()).toEqual({ runId: 'pb1:test' })
    expect((await post(app, 'tok-viewer', { event: {}, mode: 'test' })).status).toBe(403)
    expect((await post(app, 'nope', { event: {}, mode: 'test' })).status).toBe(401)
  })

  it('answers 422 with every problem', async () => {
    const res = await post(app, 'tok-analyst', { event: 'x', mode: 'prod', version: 0 })
    expect(res.status).toBe(422)
    const body = await res.json()
    expect(body.error.code).toBe('VALIDATION')
    expect(body.error.details.problems.map((p: { path: string }) => p.path).sort()).toEqual([
      '$.event',
      '$.mode',
      '$.version',
    ])
  })

  it('lists the routes with their schemas, permissions and error answers', async () => {
    const res = await app.request('/api/openapi.json')
    expect(res.status).toBe(200)
    const doc = await res.json()
    expect(doc.openapi).toBe('3.0.3')
    expect(Object.keys(doc.paths).sort()).toEqual(['/api/playbooks/{id}/runs', '/healthz'])
    const op = doc.paths['/api/playbooks/{id}/runs'].post
    expect(op['x-permission']).toBe('run.test')
    expect(op.security).toEqual([{ session: [] }, { bearer: [] }])
    expect(op.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/StartRun',
    })
    expect(op.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true })])
    expect(Object.keys(op.responses).sort()).toEqual(['202', '401', '403', '422'])
    expect(doc.components.schemas.StartRun.properties.mode.enum).toEqual(['test', 'production'])
    expect(doc.components.schemas.StartRun.required).toEqual(['event', 'mode'])
    expect(doc.components.securitySchemes.session).toEqual({
      type: 'apiKey',
      in: 'cookie',
      name: 'bulwark_session',
    })
    const health = doc.paths['/healthz'].get
    expect(health.security).toEqual([])
    expect(health['x-permission']).toBeUndefined()
    expect(Object.keys(health.responses).sort()).toEqual(['200', '503'])
  })
})
