import type { AuthUser } from '../auth/user.ts'

/**
 * The audit log's name for the caller: the user name, marked when the request came with an API token
 * (the token acts for its owner, possibly with a lower role).
 * @example actorOf({ username: 'alice', via: 'token', ... }) // 'alice (token)'
 */
export function actorOf(user: Pick<AuthUser, 'username' | 'via'>): string {
  return user.via === 'token' ? `${user.username} (token)` : user.username
}
