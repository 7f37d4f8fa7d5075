import type { MiddlewareHandler } from 'hono'
import { HttpError } from '../app/errors.ts'
import { can, PERMISSIONS, type Permission } from './roles.ts'
import type { AuthEnv } from './user.ts'

/**
 * Lets the request through when `c.var.user`'s role grants `permission`: 401 without a user, 403 for
 * a role that lacks it. Mount after `authenticate`.
 * @example app.post('/api/playbooks/:id/publish', requirePermission('playbook.publish'), publish)
 */
export function requirePermission(permission: Permission): MiddlewareHandler<AuthEnv> {
  if (!(PERMISSIONS as readonly string[]).includes(permission)) {
    throw new TypeError(`requirePermission: unknown permission ${JSON.stringify(permission)}`)
  }
  return async function requirePermissionMiddleware(c, next) {
    const user = c.get('user')
    if (!user) throw new HttpError(401, 'UNAUTHENTICATED', 'log in or send an API token')
    if (!can(user.role, permission)) {
      throw new HttpError(403, 'FORBIDDEN', `the ${user.role} role may not ${permission}`)
    }
    return next()
  }
}
