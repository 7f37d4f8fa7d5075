import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createCipher, DecryptError } from './cipher.ts'
import { secretKeyFrom } from './key.ts'

const key = () => secretKeyFrom(randomBytes(32), 'env')

describe('createCipher (AES-256-GCM)', () => {
  it('round-trips with a fresh IV each time', () => {
    const c = createCipher(key())
    const a = c.encrypt('s3cret-value', 'credential:1')
    const b = c.encrypt('s3cret-value', 'credential:1')
    expect(a.iv.equals(b.iv)).toBe(false)
    expect(a.ciphertext.toString('utf8')).not.toContain('s3cret')
    expect(c.decrypt(a, 'credential:1')).toBe('s3cret-value')
  })

  it('fails with the wrong key, a tampered byte or another row’s AAD', () => {
    const k = key()
    const c = createCipher(k)
    const v = c.encrypt('s3cret', 'credential:1')
    const impostor = { ...secretKeyFrom(randomBytes(32), 'env'), keyId: k.keyId }
    expect(() => createCipher(impostor).decrypt(v, 'credential:1')).toThrow(DecryptError)
    expect(() => createCipher(key()).decrypt(v, 'credential:1')).toThrow(/no key with id/)
    const tampered = { ...v, ciphertext: Buffer.from(v.ciphertext) }
    tampered.ciphertext[0]! ^= 1
    expect(() => c.decrypt(tampered, 'credential:1')).toThrow(DecryptError)
    expect(() => c.decrypt(v, 'credential:2')).toThrow(DecryptError)
  })

  it('decrypts values written under an older key after rotation', () => {
    const old = key()
    const v = createCipher(old).encrypt('legacy')
    const rotated = createCipher(key(), old)
    expect(rotated.decrypt(v)).toBe('legacy')
    expect(rotated.encrypt('new').keyId).not.toBe(old.keyId)
  })
})
