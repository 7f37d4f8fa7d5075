import { describe, expect, it } from 'vitest'
import { generateToken, hashToken } from './token.ts'

describe('tokens', () => {
  it('are 32 random bytes in base64url, hashed with sha256', () => {
    const t = generateToken('bwk_')
    expect(t).toMatch(/^bwk_[A-Za-z0-9_-]{43}$/)
    expect(generateToken()).not.toBe(generateToken())
    expect(hashToken(t)).toMatch(/^[0-9a-f]{64}$/)
    expect(hashToken(t)).toBe(hashToken(t))
  })
})
