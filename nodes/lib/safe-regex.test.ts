import { describe, expect, it } from 'vitest'
import { boundedTest, MAX_REGEX_INPUT, regexProblem, safeRegExp } from './safe-regex.ts'

describe('regexProblem', () => {
  it.each(['(a+)+$', '(a*)*b', '(\\w+\\s?)+$', '((ab)+c)*', '(x{2,})+', '(?:a|b+){2,}', '(a{1,20}){1,20}'])(
    'refuses the catastrophic pattern %s',
    (pattern) => {
      expect(regexProblem(pattern)).toMatch(/nested quantifier/)
    },
  )

  it.each([
    '^evil\\.(com|net)$',
    '(a+)?',
    '(ab)+',
    '[a-z]+@[a-z]+\\.com',
    '\\d{1,3}(\\.\\d{1,3}){3}',
    '(\\(+)',
  ])('accepts the ordinary pattern %s', (pattern) => {
    expect(regexProblem(pattern)).toBeUndefined()
  })

  it('refuses invalid patterns, backreferences and over-long patterns', () => {
    expect(regexProblem('(unclosed')).toMatch(/invalid regular expression/)
    expect(regexProblem('(a)\\1')).toMatch(/backreferences/)
    expect(regexProblem('a'.repeat(501))).toMatch(/longer than 500/)
  })
})

describe('safeRegExp and boundedTest', () => {
  it('throws the reason for a refused pattern', () => {
    expect(() => safeRegExp('(a+)+')).toThrow(/nested quantifier/)
  })

  it('only looks at the first characters of huge inputs', () => {
    const re = safeRegExp('needle')
    expect(boundedTest(re, `${'x'.repeat(MAX_REGEX_INPUT)}needle`)).toBe(false)
    expect(boundedTest(re, 'a needle')).toBe(true)
  })
})
