import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import type { SecretKey } from './key.ts'

/** An encrypted value as stored: every part is needed to decrypt. */
export interface Encrypted {
  ciphertext: Buffer
  iv: Buffer
  authTag: Buffer
  keyId: string
}

/** Encrypts and decrypts small secrets (credential values, webhook secrets). */
export interface Cipher {
  /** `aad` binds the ciphertext to its row (e.g. `credential:<id>`), so rows cannot be swapped. */
  encrypt(plaintext: string, aad?: string): Encrypted
  /** Throws `DecryptError` when the key, the tag, the AAD or the bytes do not match. */
  decrypt(value: Encrypted, aad?: string): string
}

/** A value could not be decrypted: wrong key, tampered bytes or a different AAD. */
export class DecryptError extends Error {
  readonly code = 'DECRYPT_FAILED'
  constructor(message: string) {
    super(message)
    this.name = 'DecryptError'
  }
}

/**
 * AES-256-GCM with a fresh 12-byte IV per value. Extra keys decrypt values written under an older key
 * (rotation); the first key encrypts.
 * @example const c = createCipher(loadSecretKey({ dataDir })); c.decrypt(c.encrypt('s3cret')) // 's3cret'
 */
export function createCipher(key: SecretKey, ...older: SecretKey[]): Cipher {
  const byId = new Map([key, ...older].map((k) => [k.keyId, k.key]))
  return {
    encrypt(plaintext, aad) {
      const iv = randomBytes(12)
      const c = createCipheriv('aes-256-gcm', key.key, iv)
      if (aad !== undefined) c.setAAD(Buffer.from(aad, 'utf8'))
      const ciphertext = Buffer.concat([c.update(plaintext, 'utf8'), c.final()])
      return { ciphertext, iv, authTag: c.getAuthTag(), keyId: key.keyId }
    },
    decrypt(value, aad) {
      const k = byId.get(value.keyId)
      if (!k) throw new DecryptError(`no key with id ${value.keyId} is loaded`)
      try {
        const d = createDecipheriv('aes-256-gcm', k, value.iv)
        if (aad !== undefined) d.setAAD(Buffer.from(aad, 'utf8'))
        d.setAuthTag(value.authTag)
        return Buffer.concat([d.update(value.ciphertext), d.final()]).toString('utf8')
      } catch {
        throw new DecryptError('the value does not decrypt with this key')
      }
    },
  }
}
