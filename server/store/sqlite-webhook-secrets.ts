import { eq } from 'drizzle-orm'
import type { Cipher } from '../crypto/cipher.ts'
import { generateToken } from '../crypto/token.ts'
import type { Db } from '../db/open.ts'
import { webhookSecrets } from '../db/schema.ts'
import type { WebhookSecretStore } from './credential-store.ts'
import { type StoreDeps, withDefaults } from './deps.ts'
import { createLru } from './lru.ts'

const aad = (playbookId: string) => `webhook:${playbookId}`

/** Decrypted secrets kept in memory (never written anywhere), so a webhook costs no query or decryption. */
const CACHED = 1024

/**
 * The `WebhookSecretStore` on SQLite: secrets are random tokens (`bwh_…`), encrypted at rest. Reads are
 * served from memory once decrypted; `rotate` replaces the cached secret in the same call, so the old
 * one is refused at once (the server is the database's only writer).
 * @example const secret = await hooks.ensure('phishing-triage')
 */
export function createSqliteWebhookSecrets(db: Db, cipher: Cipher, deps?: StoreDeps): WebhookSecretStore {
  const { now } = withDefaults(deps)
  const cache = createLru<string, string>(CACHED)
  const read = (playbookId: string) => {
    const cached = cache.get(playbookId)
    if (cached !== undefined) return cached
    const row = db.select().from(webhookSecrets).where(eq(webhookSecrets.playbookId, playbookId)).get()
    const secret = row && cipher.decrypt(row, aad(playbookId))
    if (secret !== undefined) cache.set(playbookId, secret)
    return secret
  }
  const write = (playbookId: string, replace: boolean) => {
    cache.delete(playbookId)
    const secret = generateToken('bwh_')
    const values = { playbookId, ...cipher.encrypt(secret, aad(playbookId)), createdAt: now() }
    const q = db.insert(webhookSecrets).values(values)
    const r = replace
      ? q.onConflictDoUpdate({ target: webhookSecrets.playbookId, set: values }).run()
      : q.onConflictDoNothing().run()
    if (r.changes !== 1) return read(playbookId)!
    cache.set(playbookId, secret)
    return secret
  }
  return {
    async ensure(playbookId) {
      return read(playbookId) ?? write(playbookId, false)
    },
    async get(playbookId) {
      return read(playbookId)
    },
    async rotate(playbookId) {
      return write(playbookId, true)
    },
  }
}
