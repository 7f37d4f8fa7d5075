import { describe, expect, it } from 'vitest'
import { burnPasswordCheck, hashPassword, verifyPassword } from './password.ts'

describe('password hashing (scrypt)', () => {
  it('verifies the right password only, with a per-hash salt', async () => {
    const a = await hashPassword('correct horse battery staple')
    const b = await hashPassword('correct horse battery staple')
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/)
    expect(a).not.toBe(b)
    expect(await verifyPassword('correct horse battery staple', a)).toBe(true)
    expect(await verifyPassword('correct horse battery stapl', a)).toBe(false)
  })

  it('treats malformed hashes as a mismatch', async () => {
    expect(await verifyPassword('x', 'plain')).toBe(false)
    expect(await verifyPassword('x', 'scrypt$99999999$8$1$AAAA$AAAA')).toBe(false)
    expect(await burnPasswordCheck('x')).toBe(false)
  })
})
