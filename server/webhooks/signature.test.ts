import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { signBody, verifyBearer, verifySignature } from './signature.ts'

const body = new TextEncoder().encode('{"alert":1}')

describe('webhook signatures', () => {
  it('signs like a sender would (sha256=<hex HMAC>)', () => {
    const hex = createHmac('sha256', 'k').update('{"alert":1}').digest('hex')
    expect(signBody('k', body)).toBe(`sha256=${hex}`)
  })

  it('accepts the right signature in any hex case, refuses others', () => {
    const sig = signBody('k', body)
    expect(verifySignature('k', body, sig)).toBe(true)
    expect(verifySignature('k', body, sig.toUpperCase().replace('SHA256', 'sha256'))).toBe(true)
    expect(verifySignature('other', body, sig)).toBe(false)
    expect(verifySignature('k', new TextEncoder().encode('{"alert":2}'), sig)).toBe(false)
    expect(verifySignature('k', body, sig.slice(0, -2))).toBe(false)
    expect(verifySignature('k', body, undefined)).toBe(false)
    expect(verifySignature('', body, signBody('', body))).toBe(false)
  })

  it('accepts only the exact bearer secret', () => {
    expect(verifyBearer('s3cret', 'Bearer s3cret')).toBe(true)
    expect(verifyBearer('s3cret', 'bearer s3cret')).toBe(true)
    expect(verifyBearer('s3cret', 'Bearer s3cre')).toBe(false)
    expect(verifyBearer('s3cret', 'Basic s3cret')).toBe(false)
    expect(verifyBearer('s3cret', undefined)).toBe(false)
  })
})
