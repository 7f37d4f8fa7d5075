import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createCipher } from '../crypto/cipher.ts'
import { loadSecretKey } from '../crypto/key.ts'
import { tempDatabase } from '../db/test-db.ts'
import { createSqliteCredentialStore } from './sqlite-credential-store.ts'
import { createSqliteWebhookSecrets } from './sqlite-webhook-secrets.ts'

let t: ReturnType<typeof tempDatabase> | undefined
afterEach(() => t?.cleanup())

const SEED = 'seeded-SECRET-4f9a1c77e2b04d3d'

function setup() {
  t = tempDatabase()
  const cipher = createCipher(loadSecretKey({ dataDir: t.dataDir, env: {} }))
  return {
    cipher,
    store: createSqliteCredentialStore(t.db, cipher),
    hooks: createSqliteWebhookSecrets(t.db, cipher),
  }
}

describe('SqliteCredentialStore', () => {
  it('never writes a value in clear: the seeded secret is absent from the database files', async () => {
    const { store, hooks } = setup()
    await store.put({ name: 'virustotal', type: 'api-key', value: SEED })
    const hook = await hooks.ensure('triage')
    expect(await store.reveal('virustotal')).toBe(SEED)
    t!.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    t!.close()
    const files = readdirSync(t!.dataDir).filter((f) => f.startsWith('bulwark.db'))
    expect(files).toContain('bulwark.db')
    for (const f of files) {
      const bytes = readFileSync(join(t!.dataDir, f))
      expect(bytes.includes(Buffer.from(SEED))).toBe(false)
      expect(bytes.includes(Buffer.from(hook))).toBe(false)
    }
  })

  it('lists metadata only, replaces values, resolves for the engine and records use', async () => {
    const { store } = setup()
    const first = await store.put({ name: 'vt', type: 'api-key', value: 'one' })
    const second = await store.put({ name: 'vt', type: 'api-key', value: 'two' })
    expect(second.id).toBe(first.id)
    expect(JSON.stringify(await store.list())).not.toMatch(/one|two|ciphertext/)
    const used: string[] = []
    const resolver = store.resolver((name, found) => used.push(`${name}:${found}`))
    expect(await resolver.get('vt')).toBe('two')
    expect(await resolver.get('missing')).toBeUndefined()
    expect(used).toEqual(['vt:true', 'missing:false'])
    expect((await store.getMeta('vt'))?.lastUsedAt).not.toBeNull()
    expect(await store.delete('vt')).toBe(true)
    expect(await store.list()).toEqual([])
  })

  it('fails to decrypt under another key or when a ciphertext is moved to another row', async () => {
    const { store } = setup()
    await store.put({ name: 'a', type: 't', value: 'alpha' })
    await store.put({ name: 'b', type: 't', value: 'beta' })
    t!.sqlite
      .prepare(
        `UPDATE credentials SET (ciphertext, iv, auth_tag) = (SELECT ciphertext, iv, auth_tag FROM credentials WHERE name = 'a') WHERE name = 'b'`,
      )
      .run()
    await expect(store.reveal('b')).rejects.toMatchObject({ code: 'DECRYPT_FAILED' })
    const other = createSqliteCredentialStore(
      t!.db,
      createCipher(loadSecretKey({ dataDir: `${t!.dataDir}/other`, env: {} })),
    )
    await expect(other.reveal('a')).rejects.toMatchObject({ code: 'DECRYPT_FAILED' })
  })

  it('webhook secrets are created once and rotate', async () => {
    const { hooks } = setup()
    const a = await hooks.ensure('triage')
    expect(a).toMatch(/^bwh_/)
    expect(await hooks.ensure('triage')).toBe(a)
    const b = await hooks.rotate('triage')
    expect(b).not.toBe(a)
    expect(await hooks.get('triage')).toBe(b)
    expect(await hooks.get('other')).toBeUndefined()
  })

  it('serves webhook secrets from memory once decrypted, and a rotation replaces them at once', async () => {
    const { hooks, cipher } = setup()
    const a = await hooks.ensure('triage')
    let decrypts = 0
    const decrypt = cipher.decrypt.bind(cipher)
    cipher.decrypt = (...args) => {
      decrypts++
      return decrypt(...args)
    }
    const cold = createSqliteWebhookSecrets(t!.db, cipher)
    expect(await cold.get('triage')).toBe(a)
    expect(await cold.get('triage')).toBe(a)
    expect(decrypts).toBe(1)
    const b = await cold.rotate('triage')
    expect(await cold.get('triage')).toBe(b)
    expect(decrypts).toBe(1)
  })
})
