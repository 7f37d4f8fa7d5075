import { and, asc, count, eq, gt, isNull, lte } from 'drizzle-orm'
import { burnPasswordCheck, hashPassword, verifyPassword } from '../crypto/password.ts'
import { generateToken, hashToken } from '../crypto/token.ts'
import type { Db } from '../db/open.ts'
import { apiTokens, sessions, users } from '../db/schema.ts'
import { type StoreDeps, withDefaults } from './deps.ts'
import { StoreError } from './errors.ts'
import type { User, UserStore } from './user-store.ts'

const userCols = {
  id: users.id,
  username: users.username,
  role: users.role,
  disabled: users.disabled,
  createdAt: users.createdAt,
}

const tokenCols = {
  id: apiTokens.id,
  userId: apiTokens.userId,
  name: apiTokens.name,
  role: apiTokens.role,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
}

/**
 * The `UserStore` on SQLite. Session ids and API tokens are stored as sha256 hashes, passwords as
 * scrypt hashes: a copy of the database opens no session.
 * @example const { token, csrfToken } = await users.createSession(user.id, 8 * 3600_000)
 */
export function createSqliteUserStore(db: Db, deps?: StoreDeps): UserStore {
  const { now, ids } = withDefaults(deps)
  const byId = (id: string) => db.select(userCols).from(users).where(eq(users.id, id)).get()

  return {
    async create({ username, password, role }) {
      const passwordHash = await hashPassword(password)
      const row = db
        .insert(users)
        .values({ id: ids(), username, passwordHash, role, createdAt: now() })
        .onConflictDoNothing()
        .returning(userCols)
        .get()
      if (!row) throw new StoreError('CONFLICT', `user "${username}" already exists`)
      return row
    },
    async get(id) {
      return byId(id)
    },
    async byUsername(username) {
      return db.select(userCols).from(users).where(eq(users.username, username)).get()
    },
    async list() {
      return db.select(userCols).from(users).orderBy(asc(users.username)).all()
    },
    async count() {
      return db.select({ n: count() }).from(users).get()?.n ?? 0
    },
    async update(id, patch) {
      const set: Partial<typeof users.$inferInsert> = {}
      if (patch.role !== undefined) set.role = patch.role
      if (patch.disabled !== undefined) set.disabled = patch.disabled
      if (patch.password !== undefined) set.passwordHash = await hashPassword(patch.password)
      if (Object.keys(set).length === 0) return byId(id)
      const row = db.update(users).set(set).where(eq(users.id, id)).returning(userCols).get()
      if (row && (patch.disabled || patch.password !== undefined))
        db.delete(sessions).where(eq(sessions.userId, id)).run()
      return row
    },
    async verifyPassword(username, password) {
      const row = db.select().from(users).where(eq(users.username, username)).get()
      if (!row) return burnPasswordCheck(password).then(() => undefined)
      const ok = await verifyPassword(password, row.passwordHash)
      if (!ok || row.disabled) return undefined
      const { passwordHash: _hash, ...user } = row
      return user
    },
    async createSession(userId, ttlMs) {
      const token = generateToken()
      const session = { userId, csrfToken: generateToken(), expiresAt: now() + ttlMs }
      db.insert(sessions)
        .values({ id: hashToken(token), ...session, createdAt: now() })
        .run()
      return { ...session, token }
    },
    async getSession(token) {
      const row = db
        .select({ s: sessions, u: userCols })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(and(eq(sessions.id, hashToken(token)), gt(sessions.expiresAt, now())))
        .get()
      if (!row || row.u.disabled) return undefined
      const { userId, csrfToken, expiresAt } = row.s
      return { session: { userId, csrfToken, expiresAt }, user: row.u as User }
    },
    async deleteSession(token) {
      db.delete(sessions)
        .where(eq(sessions.id, hashToken(token)))
        .run()
    },
    async pruneSessions() {
      return db.delete(sessions).where(lte(sessions.expiresAt, now())).run().changes
    },
    async createApiToken({ userId, name, role }) {
      const token = generateToken('bwk_')
      const row = db
        .insert(apiTokens)
        .values({ id: ids(), userId, name, role, tokenHash: hashToken(token), createdAt: now() })
        .returning()
        .get()
      const { tokenHash: _h, ...meta } = row
      return { ...meta, token }
    },
    async verifyApiToken(token) {
      const row = db
        .select({ t: apiTokens, u: userCols })
        .from(apiTokens)
        .innerJoin(users, eq(users.id, apiTokens.userId))
        .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt)))
        .get()
      if (!row || row.u.disabled) return undefined
      const lastUsedAt = now()
      db.update(apiTokens).set({ lastUsedAt }).where(eq(apiTokens.id, row.t.id)).run()
      const { tokenHash: _h, ...meta } = row.t
      return { token: { ...meta, lastUsedAt }, user: row.u as User }
    },
    async listApiTokens(userId) {
      return db
        .select(tokenCols)
        .from(apiTokens)
        .where(userId === undefined ? undefined : eq(apiTokens.userId, userId))
        .orderBy(asc(apiTokens.createdAt))
        .all()
    },
    async revokeApiToken(id) {
      return (
        db
          .update(apiTokens)
          .set({ revokedAt: now() })
          .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
          .run().changes === 1
      )
    },
  }
}
