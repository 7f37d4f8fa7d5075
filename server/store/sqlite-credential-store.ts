import { asc, eq } from 'drizzle-orm'
import type { Cipher } from '../crypto/cipher.ts'
import type { Db } from '../db/open.ts'
import { credentials } from '../db/schema.ts'
import type { CredentialMeta, CredentialStore } from './credential-store.ts'
import { type StoreDeps, withDefaults } from './deps.ts'

const meta = {
  id: credentials.id,
  name: credentials.name,
  type: credentials.type,
  keyId: credentials.keyId,
  createdAt: credentials.createdAt,
  updatedAt: credentials.updatedAt,
  lastUsedAt: credentials.lastUsedAt,
}

/** The AAD binds a ciphertext to its row: a value copied into another row does not decrypt. */
const aad = (id: string) => `credential:${id}`

/**
 * The `CredentialStore` on SQLite with AES-256-GCM values. Metadata reads never select the
 * ciphertext, and only `reveal` (and the resolver) decrypt.
 * @example const creds = createSqliteCredentialStore(db, createCipher(loadSecretKey({ dataDir })))
 */
export function createSqliteCredentialStore(db: Db, cipher: Cipher, deps?: StoreDeps): CredentialStore {
  const { now, ids } = withDefaults(deps)

  const reveal = (name: string): string | undefined => {
    const row = db.select().from(credentials).where(eq(credentials.name, name)).get()
    if (!row) return undefined
    const value = cipher.decrypt(row, aad(row.id))
    db.update(credentials).set({ lastUsedAt: now() }).where(eq(credentials.id, row.id)).run()
    return value
  }

  return {
    async put({ name, type, value }) {
      return db.transaction((tx) => {
        const t = now()
        const existing = tx
          .select({ id: credentials.id })
          .from(credentials)
          .where(eq(credentials.name, name))
          .get()
        const id = existing?.id ?? ids()
        const enc = cipher.encrypt(value, aad(id))
        return tx
          .insert(credentials)
          .values({ id, name, type, ...enc, createdAt: t, updatedAt: t })
          .onConflictDoUpdate({ target: credentials.id, set: { type, ...enc, updatedAt: t } })
          .returning(meta)
          .get()
      })
    },
    async getMeta(name) {
      return db.select(meta).from(credentials).where(eq(credentials.name, name)).get()
    },
    async list(): Promise<CredentialMeta[]> {
      return db.select(meta).from(credentials).orderBy(asc(credentials.name)).all()
    },
    async delete(name) {
      return db.delete(credentials).where(eq(credentials.name, name)).run().changes === 1
    },
    async reveal(name) {
      return reveal(name)
    },
    resolver(onUse) {
      return {
        async get(name) {
          const value = reveal(name)
          onUse?.(name, value !== undefined)
          return value
        },
      }
    },
  }
}
