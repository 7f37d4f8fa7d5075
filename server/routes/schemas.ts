import { z } from '@hono/zod-openapi'
import { ROLES } from '../auth/roles.ts'

/** A role name. */
export const RoleSchema = z.enum(ROLES).openapi('Role')

/** A user as the API shows it: never a password hash. */
export const UserSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    role: RoleSchema,
    disabled: z.boolean(),
    createdAt: z.number().int(),
  })
  .openapi('User')

/** The caller, as `GET /api/auth/me` and the login answer show it. */
export const MeSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    role: RoleSchema,
    via: z.enum(['session', 'token']),
    /** What the role may do, so the editor shows only the actions that will be allowed. */
    permissions: z.array(z.string()),
  })
  .openapi('Me')

/** `{ ok: true }` for operations with nothing else to say. */
export const OkSchema = z.object({ ok: z.literal(true) }).openapi('Ok')

/** Shorthand for a JSON response entry of `defineRoute`. */
export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } }
}

/** Shorthand for a required JSON request body of `defineRoute`. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } }
}
