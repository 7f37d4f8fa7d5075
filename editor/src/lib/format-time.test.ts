import { describe, expect, it } from 'vitest'
import { elapsed, formatAgo, formatDateTime, formatDuration } from './format-time.ts'

describe('formatDuration', () => {
  it('reads naturally from milliseconds to days', () => {
    expect(formatDuration(850)).toBe('850 ms')
    expect(formatDuration(1_250)).toBe('1.3 s')
    expect(formatDuration(42_000)).toBe('42 s')
    expect(formatDuration(95_000)).toBe('1 min 35 s')
    expect(formatDuration(120_000)).toBe('2 min')
    expect(formatDuration(3_900_000)).toBe('1 h 5 min')
    expect(formatDuration(26_985_600_000)).toBe('312 d 8 h')
    expect(formatDuration(2 * 86_400_000)).toBe('2 d')
  })

  it('shows a dash for missing or nonsense input', () => {
    for (const bad of [undefined, null, Number.NaN, -5, Number.POSITIVE_INFINITY])
      expect(formatDuration(bad)).toBe('—')
  })
})

describe('elapsed', () => {
  it('measures to the end, or to now while still going', () => {
    expect(elapsed(1000, 4000, 9000)).toBe(3000)
    expect(elapsed(1000, null, 9000)).toBe(8000)
    expect(elapsed(null, 4000, 9000)).toBeUndefined()
  })
})

describe('formatAgo and formatDateTime', () => {
  it('say how long ago in the largest unit', () => {
    const now = 10_000_000_000
    expect(formatAgo(now - 2_000, now)).toBe('just now')
    expect(formatAgo(now - 90_000, now)).toBe('1 min ago')
    expect(formatAgo(now - 7_200_000, now)).toBe('2 h ago')
    expect(formatAgo(now - 3 * 86_400_000, now)).toBe('3 d ago')
    expect(formatAgo(null, now)).toBe('—')
    expect(formatDateTime(undefined)).toBe('—')
    expect(formatDateTime(0)).toMatch(/19(69|70)/)
  })
})
