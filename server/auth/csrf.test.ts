import { describe, expect, it } from 'vitest'
import { csrfMatches, isStateChanging } from './csrf.ts'

describe('csrf', () => {
  it('treats only GET, HEAD and OPTIONS as safe', () => {
    expect(['GET', 'head', 'OPTIONS'].map(isStateChanging)).toEqual([false, false, false])
    expect(['POST', 'PUT', 'PATCH', 'DELETE'].map(isStateChanging)).toEqual([true, true, true, true])
  })

  it('matches only the exact token', () => {
    expect(csrfMatches('abc', 'abc')).toBe(true)
    expect(csrfMatches('abd', 'abc')).toBe(false)
    expect(csrfMatches('ab', 'abc')).toBe(false)
    expect(csrfMatches(undefined, 'abc')).toBe(false)
    expect(csrfMatches('', '')).toBe(false)
  })
})
