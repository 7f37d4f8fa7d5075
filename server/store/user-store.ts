import type { Role } from '../db/schema.ts'

/** A user, never with the password hash. */
export interface User {
  id: string
  username: string
  role: Role
  disabled: boolean
  createdAt: number
}

/** A live session; the token itself is only known to the client (the DB holds its hash). */
export interface Session {
  userId: string
  csrfToken: string
  expiresAt: number
}

export interface ApiTokenMeta {
  id: string
  userId: string
  name: string
  role: Role
  createdAt: number
  lastUsedAt: number | null
  revokedAt: number | null
}

/** People and machines: users with scrypt passwords, sessions, hashed API tokens. */
export interface UserStore {
  /** `CONFLICT` if the user name is taken. */
  create(input: { username: string; password: string; role: Role }): Promise<User>
  get(id: string): Promise<User | undefined>
  byUsername(username: string): Promise<User | undefined>
  list(): Promise<User[]>
  count(): Promise<number>
  update(id: string, patch: { role?: Role; disabled?: boolean; password?: string }): Promise<User | undefined>
  /** The user if the password matches and the user is enabled; as slow for unknown names. */
  verifyPassword(username: string, password: string): Promise<User | undefined>
  /** Starts a session: the returned `token` goes in the cookie and is never stored. */
  createSession(userId: string, ttlMs: number): Promise<Session & { token: string }>
  /** The session and its user, unless expired, unknown or the user is disabled. */
  getSession(token: string): Promise<{ session: Session; user: User } | undefined>
  deleteSession(token: string): Promise<void>
  /** Deletes expired sessions; returns how many. */
  pruneSessions(): Promise<number>
  /** Issues a token (shown once) acting with `role`. */
  createApiToken(input: {
    userId: string
    name: string
    role: Role
  }): Promise<ApiTokenMeta & { token: string }>
  /** The token's metadata and user, unless revoked or the user is disabled; records the use. */
  verifyApiToken(token: string): Promise<{ token: ApiTokenMeta; user: User } | undefined>
  listApiTokens(userId?: string): Promise<ApiTokenMeta[]>
  revokeApiToken(id: string): Promise<boolean>
}
