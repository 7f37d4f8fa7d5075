import { createHash, randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** The AES-256 key that encrypts credentials, and a short id stored beside each ciphertext. */
export interface SecretKey {
  key: Buffer
  /** First 16 hex chars of sha256(key): says which key encrypted a value, reveals nothing of it. */
  keyId: string
  source: 'env' | 'file'
}

export interface LoadSecretKeyOptions {
  /** Where `secret.key` is created when the env does not give a key. */
  dataDir: string
  env?: Record<string, string | undefined>
}

/** The env variable holding a base64 32-byte key; it wins over the key file. */
export const SECRET_KEY_ENV = 'BULWARK_SECRET_KEY'
export const SECRET_KEY_FILE = 'secret.key'

/** Wraps 32 raw bytes as a `SecretKey`. */
export function secretKeyFrom(key: Buffer, source: SecretKey['source']): SecretKey {
  if (key.length !== 32) throw new Error(`the secret key must be 32 bytes, got ${key.length}`)
  return { key, keyId: createHash('sha256').update(key).digest('hex').slice(0, 16), source }
}

/**
 * The credential key: `BULWARK_SECRET_KEY` (base64, 32 bytes) if set, else `<dataDir>/secret.key`,
 * generated on first use with mode 0600. Never stored in the database. A key file readable by group
 * or others is refused rather than silently used.
 * @example const key = loadSecretKey({ dataDir: './data' })
 */
export function loadSecretKey(opts: LoadSecretKeyOptions): SecretKey {
  const fromEnv = (opts.env ?? process.env)[SECRET_KEY_ENV]
  if (fromEnv) return secretKeyFrom(Buffer.from(fromEnv.trim(), 'base64'), 'env')
  mkdirSync(opts.dataDir, { recursive: true })
  const path = join(opts.dataDir, SECRET_KEY_FILE)
  if (!existsSync(path)) {
    try {
      // `wx`: two processes starting at once never overwrite each other's key.
      writeFileSync(path, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' })
      chmodSync(path, 0o600)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    }
  }
  const mode = statSync(path).mode & 0o777
  if (process.platform !== 'win32' && (mode & 0o077) !== 0)
    throw new Error(`${path} is readable by others (mode ${mode.toString(8)}): chmod 600 it`)
  return secretKeyFrom(Buffer.from(readFileSync(path, 'utf8').trim(), 'base64'), 'file')
}
