import { describe, expect, it } from 'vitest'
import { durationStats, quantile, share } from './stats.ts'

describe('stats', () => {
  it('interpolates quantiles between closest ranks', () => {
    expect(quantile([10, 20, 30, 40], 0.5)).toBe(25)
    expect(quantile([10, 20, 30, 40], 0.9)).toBeCloseTo(37)
    expect(quantile([7], 0.9)).toBe(7)
    expect(quantile([], 0.5)).toBeNull()
  })

  it('sorts durations and counts negative ones as zero', () => {
    expect(durationStats([600_000, -5, 60_000])).toEqual({ count: 3, medianMs: 60_000, p90Ms: 492_000 })
    expect(durationStats([])).toEqual({ count: 0, medianMs: null, p90Ms: null })
  })

  it('divides only when there is something to divide', () => {
    expect(share(1, 4)).toBe(0.25)
    expect(share(0, 0)).toBeNull()
  })
})
