import { describe, expect, it } from 'vitest'
import { retryDelayMs } from './retry-after.ts'

const now = Date.UTC(2026, 0, 15, 10, 0, 0)

describe('retryDelayMs', () => {
  it('reads Retry-After in seconds or as an HTTP date, capped at 60 s', () => {
    expect(retryDelayMs('2', 0, now)).toBe(2_000)
    expect(retryDelayMs('0', 0, now)).toBe(0)
    expect(retryDelayMs('3600', 0, now)).toBe(60_000)
    expect(retryDelayMs(new Date(now + 7_000).toUTCString(), 0, now)).toBe(7_000)
    expect(retryDelayMs(new Date(now - 7_000).toUTCString(), 0, now)).toBe(0)
  })

  it('falls back to exponential backoff without a usable header', () => {
    expect(retryDelayMs(undefined, 0, now)).toBe(1_000)
    expect(retryDelayMs('soon', 2, now)).toBe(4_000)
    expect(retryDelayMs(undefined, 10, now)).toBe(60_000)
  })
})
