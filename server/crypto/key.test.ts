import { randomBytes } from 'node:crypto'
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loadSecretKey, SECRET_KEY_ENV } from './key.ts'

let dir = ''
afterEach(() => rmSync(dir, { recursive: true, force: true }))
const fresh = () => {
  dir = mkdtempSync(join(tmpdir(), 'bulwark-key-'))
  return dir
}

describe('loadSecretKey', () => {
  it('generates secret.key with mode 0600 and reuses it', () => {
    const dataDir = join(fresh(), 'data')
    const a = loadSecretKey({ dataDir, env: {} })
    expect(a.source).toBe('file')
    expect(a.key.length).toBe(32)
    expect(statSync(join(dataDir, 'secret.key')).mode & 0o777).toBe(0o600)
    const b = loadSecretKey({ dataDir, env: {} })
    expect(b.key.equals(a.key)).toBe(true)
    expect(b.keyId).toBe(a.keyId)
    expect(readFileSync(join(dataDir, 'secret.key'), 'utf8')).not.toContain(a.keyId)
  })

  it('prefers BULWARK_SECRET_KEY and rejects a key of the wrong size', () => {
    const dataDir = fresh()
    const raw = randomBytes(32)
    const k = loadSecretKey({ dataDir, env: { [SECRET_KEY_ENV]: raw.toString('base64') } })
    expect(k.source).toBe('env')
    expect(k.key.equals(raw)).toBe(true)
    expect(() => loadSecretKey({ dataDir, env: { [SECRET_KEY_ENV]: 'c2hvcnQ=' } })).toThrow(/32 bytes/)
  })

  it('refuses a key file that others can read', () => {
    const dataDir = fresh()
    loadSecretKey({ dataDir, env: {} })
    chmodSync(join(dataDir, 'secret.key'), 0o644)
    expect(() => loadSecretKey({ dataDir, env: {} })).toThrow(/chmod 600/)
  })
})
