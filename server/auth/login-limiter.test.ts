import { describe, expect, it } from 'vitest'
import { createLoginLimiter, loginKey } from './login-limiter.ts'

function setup() {
  let t = 1_000_000
  const limiter = createLoginLimiter({ maxFailures: 5, windowMs: 15 * 60_000, now: () => t, maxKeys: 3 })
  return { limiter, advance: (ms: number) => (t += ms) }
}

describe('login limiter', () => {
  it('refuses the sixth attempt after five failures, until the window passes', () => {
    const { limiter, advance } = setup()
    const key = loginKey('Admin', '10.0.0.1')
    for (let i = 0; i < 5; i++) {
      expect(limiter.check(key).allowed).toBe(true)
      limiter.fail(key)
    }
    advance(60_000)
    expect(limiter.check(key)).toEqual({ allowed: false, retryAfterMs: 14 * 60_000 })
    advance(14 * 60_000)
    expect(limiter.check(key).allowed).toBe(true)
  })

  it('keys by username and address; success resets', () => {
    const { limiter } = setup()
    for (let i = 0; i < 5; i++) limiter.fail(loginKey('admin', '10.0.0.1'))
    expect(limiter.check(loginKey('ADMIN', '10.0.0.1')).allowed).toBe(false)
    expect(limiter.check(loginKey('admin', '10.0.0.2')).allowed).toBe(true)
    limiter.succeed(loginKey('admin', '10.0.0.1'))
    expect(limiter.check(loginKey('admin', '10.0.0.1')).allowed).toBe(true)
  })

  it('bounds memory by forgetting the oldest key', () => {
    const { limiter } = setup()
    for (let i = 0; i < 5; i++) limiter.fail('a')
    limiter.fail('b')
    limiter.fail('c')
    limiter.fail('d')
    expect(limiter.check('a').allowed).toBe(true)
  })

  it('validates its options at once', () => {
    expect(() => createLoginLimiter({ maxFailures: 0 })).toThrow(TypeError)
  })
})
