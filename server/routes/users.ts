import { z } from '@hono/zod-openapi'
import type { ServerDeps } from '../app/deps.ts'
import { HttpError } from '../app/errors.ts'
import { createApiApp, defineRoute } from '../app/openapi.ts'
import { currentUser } from '../auth/user.ts'
import { actorOf } from './actor.ts'
import { json, jsonBody, RoleSchema, UserSchema } from './schemas.ts'

/** Passwords: long enough to matter, short enough that scrypt input stays bounded. */
const Password = z.string().min(12, 'at least 12 characters').max(1024)
const NewUser = z
  .object({
    username: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9._@-]+$/, 'letters, digits and . _ @ - only'),
    password: Password,
    role: RoleSchema,
  })
  .openapi('NewUser')
const UserPatch = z
  .object({ role: RoleSchema.optional(), disabled: z.boolean().optional(), password: Password.optional() })
  .openapi('UserPatch')
const IdParam = z.object({ id: z.string().min(1).max(100) })

const list = defineRoute({
  method: 'get',
  path: '/api/users',
  permission: 'user.manage',
  summary: 'Every user',
  responses: { 200: json(z.object({ items: z.array(UserSchema) }), 'Users by name') },
})
const create = defineRoute({
  method: 'post',
  path: '/api/users',
  permission: 'user.manage',
  summary: 'Create a user',
  request: { body: jsonBody(NewUser) },
  responses: { 201: json(UserSchema, 'Created'), 409: json(z.unknown(), 'The user name is taken') },
})
const update = defineRoute({
  method: 'patch',
  path: '/api/users/{id}',
  permission: 'user.manage',
  summary: 'Change a role, disable or enable, or set a password (ends the user’s sessions)',
  request: { params: IdParam, body: jsonBody(UserPatch) },
  responses: {
    200: json(UserSchema, 'Updated'),
    404: json(z.unknown(), 'No such user'),
    409: json(z.unknown(), 'An admin may not demote or disable themself'),
  },
})

/**
 * `/api/users`: user administration (admin). An admin cannot demote or disable their own account,
 * so the last admin cannot lock everybody out by mistake.
 * @example api.route('/', usersRoutes(deps))
 */
export function usersRoutes(deps: ServerDeps) {
  const { users, audit } = deps.stores
  return createApiApp()
    .openapi(list, async (c) => c.json({ items: await users.list() }, 200))
    .openapi(create, async (c) => {
      const body = c.req.valid('json')
      const user = await users.create(body)
      await audit.append({
        actor: actorOf(currentUser(c)),
        action: 'user.create',
        target: user.username,
        details: { role: user.role },
      })
      return c.json(user, 201)
    })
    .openapi(update, async (c) => {
      const caller = currentUser(c)
      const { id } = c.req.valid('param')
      const patch = c.req.valid('json')
      if (id === caller.id && ((patch.role && patch.role !== caller.role) || patch.disabled)) {
        throw new HttpError(409, 'SELF_LOCKOUT', 'you may not demote or disable your own account')
      }
      const user = await users.update(id, patch)
      if (!user) throw new HttpError(404, 'NOT_FOUND', 'no such user')
      await audit.append({
        actor: actorOf(caller),
        action: 'user.update',
        target: user.username,
        details: {
          role: patch.role,
          disabled: patch.disabled,
          passwordChanged: patch.password !== undefined,
        },
      })
      return c.json(user, 200)
    })
}
