import { describe, expect, it } from 'vitest'
import { DEFAULT_LIMITS, defaultIds, systemClock } from './defaults.ts'

describe('defaults', () => {
  it('gives distinct run ids', () => {
    expect(defaultIds()).not.toBe(defaultIds())
    expect(defaultIds()).toMatch(/^run_/)
  })

  it('wraps the real clock', async () => {
    const before = systemClock.now()
    await new Promise<void>((resolve) => systemClock.setTimeout(resolve, 1))
    expect(systemClock.now()).toBeGreaterThanOrEqual(before)
    const h = systemClock.setTimeout(() => expect.unreachable(), 5)
    systemClock.clearTimeout(h)
  })

  it('limits concurrency to 8 by default', () => {
    expect(DEFAULT_LIMITS.concurrency).toBe(8)
  })
})
