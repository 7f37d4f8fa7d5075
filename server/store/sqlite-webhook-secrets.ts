import { eq } from 'drizzle-orm'
import type { Cipher } from '../crypto/cipher.ts'
import { generateToken } from '../crypto/token.ts'
import type { Db } from '../db/open.ts'
import { webhookSecrets } from '../db/schema.ts'
import type { WebhookSecretStore } from './credential-store.ts'
import { type StoreDeps, withDefaults } from './deps.ts'

const aad = (playbookId: string) => `webhook:${playbookId}`

/**
 * The `WebhookSecretStore` on SQLite: secrets are random tokens (`bwh_…`), encrypted at rest.
 * @example const secret = await hooks.ensure('phishing-triage')
 */
export function createSqliteWebhookSecrets(db: Db, cipher: Cipher, deps?: StoreDeps): WebhookSecretStore {
  const { now } = withDefaults(deps)
  const read = (playbookId: string) => {
    const row = db.select().from(webhookSecrets).where(eq(webhookSecrets.playbookId, playbookId)).get()
    return row && cipher.decrypt(row, aad(playbookId))
  }
  const write = (playbookId: string, replace: boolean) => {
    const secret = generateToken('bwh_')
    const values = { playbookId, ...cipher.encrypt(secret, aad(playbookId)), createdAt: now() }
    const q = db.insert(webhookSecrets).values(values)
    const r = replace
      ? q.onConflictDoUpdate({ target: webhookSecrets.playbookId, set: values }).run()
      : q.onConflictDoNothing().run()
    return r.changes === 1 ? secret : read(playbookId)!
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
