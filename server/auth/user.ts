import { HttpError } from '../app/errors.ts'
import type { Role } from './roles.ts'

/** Who made the request, as `authenticate` sets it on `c.var.user`. */
export interface AuthUser {
  id: string
  username: string
  role: Role
  via: 'session' | 'token'
}

/** A user record as the session and token stores return it (without `via`). */
export type UserRecord = Omit<AuthUser, 'via'>

/** Hono env for authenticated routes: `new Hono<AuthEnv>()`. */
export type AuthEnv = {
  Variables: {
    /** Set by `authenticate` when the request carries a valid session or API token. */
    user?: AuthUser
  }
}

/**
 * The authenticated user, or a 401: for handlers behind `requirePermission`.
 * @example const user = currentUser(c)
 */
export function currentUser(c: { get(key: 'user'): AuthUser | undefined }): AuthUser {
  const user = c.get('user')
  if (!user) throw new HttpError(401, 'UNAUTHENTICATED', 'log in or send an API token')
  return user
}
