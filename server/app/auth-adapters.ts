import { and, eq, gt, isNull } from 'drizzle-orm'
import type { SessionLookup, TokenLookup } from '../auth/authenticate.ts'
import { atLeast } from '../auth/roles.ts'
import type { Db } from '../db/open.ts'
import { apiTokens, sessions, users } from '../db/schema.ts'

const userCols = { id: users.id, username: users.username, role: users.role, disabled: users.disabled }

/**
 * `authenticate`'s lookups over the user tables. `authenticate` hashes the presented token and asks by
 * hash, while `UserStore.getSession`/`verifyApiToken` take the raw token, so these read the same rows
 * by hash with the store's rules: a disabled user, an expired session, a revoked token → undefined.
 * A token acts with the lower of its own role and its owner's current role, so demoting a user
 * demotes their tokens too.
 * @example app.use('/api/*', authenticate(createAuthLookups(db, { now })))
 */
export function createAuthLookups(
  db: Db,
  opts: { now?: () => number } = {},
): { sessions: SessionLookup; tokens: TokenLookup } {
  const now = opts.now ?? Date.now
  return {
    sessions: {
      get(tokenHash) {
        const row = db
          .select({ s: sessions, u: userCols })
          .from(sessions)
          .innerJoin(users, eq(users.id, sessions.userId))
          .where(and(eq(sessions.id, tokenHash), gt(sessions.expiresAt, now())))
          .get()
        if (!row || row.u.disabled) return undefined
        const { id, username, role } = row.u
        return { user: { id, username, role }, csrfToken: row.s.csrfToken, expiresAt: row.s.expiresAt }
      },
    },
    tokens: {
      get(tokenHash) {
        const row = db
          .select({ t: { id: apiTokens.id, role: apiTokens.role }, u: userCols })
          .from(apiTokens)
          .innerJoin(users, eq(users.id, apiTokens.userId))
          .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
          .get()
        if (!row || row.u.disabled) return undefined
        db.update(apiTokens).set({ lastUsedAt: now() }).where(eq(apiTokens.id, row.t.id)).run()
        const role = atLeast(row.u.role, row.t.role) ? row.t.role : row.u.role
        return { id: row.u.id, username: row.u.username, role }
      },
    },
  }
}
