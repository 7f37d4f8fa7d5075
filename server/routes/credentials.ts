import { z } from '@hono/zod-openapi'
import type { ServerDeps } from '../app/deps.ts'
import { HttpError } from '../app/errors.ts'
import { createApiApp, defineRoute } from '../app/openapi.ts'
import { currentUser } from '../auth/user.ts'
import { actorOf } from './actor.ts'
import { json, jsonBody, OkSchema } from './schemas.ts'

const Meta = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.string(),
    keyId: z.string(),
    createdAt: z.number().int(),
    updatedAt: z.number().int(),
    lastUsedAt: z.number().int().nullable(),
  })
  .openapi('Credential')
const Name = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits and . _ - only')
const Value = z
  .string()
  .min(1)
  .max(64 * 1024)
const NewCredential = z
  .object({ name: Name, type: z.string().min(1).max(100), value: Value })
  .openapi('NewCredential')
const CredentialUpdate = z
  .object({ type: z.string().min(1).max(100).optional(), value: Value })
  .openapi('CredentialUpdate')
const NameParam = z.object({ name: Name })

const list = defineRoute({
  method: 'get',
  path: '/api/credentials',
  permission: 'credential.list',
  summary: 'Credential names and types (values are never returned)',
  responses: { 200: json(z.object({ items: z.array(Meta) }), 'Credentials') },
})
const create = defineRoute({
  method: 'post',
  path: '/api/credentials',
  permission: 'credential.manage',
  summary: 'Store a new credential (encrypted at rest)',
  request: { body: jsonBody(NewCredential) },
  responses: { 201: json(Meta, 'Stored'), 409: json(z.unknown(), 'The name is taken') },
})
const replace = defineRoute({
  method: 'put',
  path: '/api/credentials/{name}',
  permission: 'credential.manage',
  summary: 'Replace a credential’s value (rotation)',
  request: { params: NameParam, body: jsonBody(CredentialUpdate) },
  responses: { 200: json(Meta, 'Replaced'), 404: json(z.unknown(), 'No such credential') },
})
const remove = defineRoute({
  method: 'delete',
  path: '/api/credentials/{name}',
  permission: 'credential.manage',
  summary: 'Delete a credential',
  request: { params: NameParam },
  responses: { 200: json(OkSchema, 'Deleted'), 404: json(z.unknown(), 'No such credential') },
})

/**
 * `/api/credentials`: write-only secrets. Values go in, never come out (only the engine's resolver
 * decrypts); every change is audited without the value.
 * @example api.route('/', credentialsRoutes(deps))
 */
export function credentialsRoutes(deps: ServerDeps) {
  const { credentials, audit } = deps.stores
  const record = (actor: string, action: string, name: string, type?: string) =>
    audit.append({ actor, action, target: name, details: type === undefined ? undefined : { type } })
  return createApiApp()
    .openapi(list, async (c) => c.json({ items: await credentials.list() }, 200))
    .openapi(create, async (c) => {
      const { name, type, value } = c.req.valid('json')
      if (await credentials.getMeta(name)) {
        throw new HttpError(409, 'CONFLICT', `credential "${name}" exists: PUT to replace its value`)
      }
      const meta = await credentials.put({ name, type, value })
      await record(actorOf(currentUser(c)), 'credential.create', name, type)
      return c.json(meta, 201)
    })
    .openapi(replace, async (c) => {
      const { name } = c.req.valid('param')
      const body = c.req.valid('json')
      const existing = await credentials.getMeta(name)
      if (!existing) throw new HttpError(404, 'NOT_FOUND', `no credential "${name}"`)
      const type = body.type ?? existing.type
      const meta = await credentials.put({ name, type, value: body.value })
      await record(actorOf(currentUser(c)), 'credential.update', name, type)
      return c.json(meta, 200)
    })
    .openapi(remove, async (c) => {
      const { name } = c.req.valid('param')
      if (!(await credentials.delete(name))) throw new HttpError(404, 'NOT_FOUND', `no credential "${name}"`)
      await record(actorOf(currentUser(c)), 'credential.delete', name)
      return c.json({ ok: true as const }, 200)
    })
}
