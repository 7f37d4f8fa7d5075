import { z } from '@hono/zod-openapi'
import type { ServerDeps } from '../app/deps.ts'
import { HttpError } from '../app/errors.ts'
import { createApiApp, defineRoute } from '../app/openapi.ts'
import { atLeast, can } from '../auth/roles.ts'
import { currentUser } from '../auth/user.ts'
import { actorOf } from './actor.ts'
import { json, jsonBody, OkSchema, RoleSchema } from './schemas.ts'

const TokenMeta = z
  .object({
    id: z.string(),
    userId: z.string(),
    name: z.string(),
    role: RoleSchema,
    createdAt: z.number().int(),
    lastUsedAt: z.number().int().nullable(),
    revokedAt: z.number().int().nullable(),
  })
  .openapi('ApiToken')
const NewToken = z
  .object({ name: z.string().trim().min(1).max(100), role: RoleSchema.optional() })
  .openapi('NewApiToken')
const Created = TokenMeta.extend({
  token: z.string().openapi({ description: 'Shown once; only its hash is stored' }),
}).openapi('CreatedApiToken')

const create = defineRoute({
  method: 'post',
  path: '/api/tokens',
  permission: 'token.own',
  summary: 'Create an API token acting for the caller with a role no higher than the caller’s',
  request: { body: jsonBody(NewToken) },
  responses: { 201: json(Created, 'The token, shown this once') },
})
const list = defineRoute({
  method: 'get',
  path: '/api/tokens',
  permission: 'token.own',
  summary: 'The caller’s tokens (an admin sees every token)',
  responses: { 200: json(z.object({ items: z.array(TokenMeta) }), 'Tokens, never their values') },
})
const revoke = defineRoute({
  method: 'delete',
  path: '/api/tokens/{id}',
  permission: 'token.own',
  summary: 'Revoke one of the caller’s tokens (an admin may revoke any)',
  request: { params: z.object({ id: z.string().min(1).max(100) }) },
  responses: { 200: json(OkSchema, 'Revoked'), 404: json(z.unknown(), 'No such live token of yours') },
})

/**
 * `/api/tokens`: API tokens for machines. A token's role never exceeds its creator's (a token
 * creating tokens is capped by its own role); the value is returned once and stored as a hash.
 * @example api.route('/', tokensRoutes(deps))
 */
export function tokensRoutes(deps: ServerDeps) {
  const { users, audit } = deps.stores
  return createApiApp()
    .openapi(create, async (c) => {
      const user = currentUser(c)
      const { name, role = user.role } = c.req.valid('json')
      if (!atLeast(user.role, role)) {
        throw new HttpError(403, 'ROLE_TOO_HIGH', `a ${user.role} may not create a ${role} token`)
      }
      const created = await users.createApiToken({ userId: user.id, name, role })
      await audit.append({
        actor: actorOf(user),
        action: 'token.create',
        target: created.id,
        details: { name, role },
      })
      return c.json(created, 201)
    })
    .openapi(list, async (c) => {
      const user = currentUser(c)
      const all = can(user.role, 'user.manage')
      return c.json({ items: await users.listApiTokens(all ? undefined : user.id) }, 200)
    })
    .openapi(revoke, async (c) => {
      const user = currentUser(c)
      const { id } = c.req.valid('param')
      const own = (await users.listApiTokens(user.id)).some((t) => t.id === id)
      if (!own && !can(user.role, 'user.manage')) throw new HttpError(404, 'NOT_FOUND', 'no such token')
      if (!(await users.revokeApiToken(id))) throw new HttpError(404, 'NOT_FOUND', 'no such live token')
      await audit.append({ actor: actorOf(user), action: 'token.revoke', target: id })
      return c.json({ ok: true as const }, 200)
    })
}
