import { describe, expect, it } from 'vitest'
import { compare, evaluateGroup, type Operator } from './rules.ts'

const t = (field: unknown, operator: Operator, value?: unknown, ignoreCase?: boolean) =>
  compare(field, { operator, value, ignoreCase })

describe('compare', () => {
  it('equals numbers and numeric strings, booleans and their words, objects by content', () => {
    expect(t(5, 'equals', '5')).toBe(true)
    expect(t('true', 'equals', true)).toBe(true)
    expect(t({ a: [1] }, 'equals', { a: [1] })).toBe(true)
    expect(t('High', 'equals', 'high')).toBe(false)
    expect(t('High', 'equals', 'high', true)).toBe(true)
    expect(t(undefined, 'not_equals', 'x')).toBe(true)
  })

  it('contains a substring, or an element of an array', () => {
    expect(t('powershell -enc AAAA', 'contains', '-enc')).toBe(true)
    expect(t(['phishing', 'user-report'], 'contains', 'phishing')).toBe(true)
    expect(t(['phishing'], 'not_contains', 'malware')).toBe(true)
    expect(t(null, 'contains', 'x')).toBe(false)
  })

  it('compares numbers, numeric strings and ISO dates; other kinds are never greater', () => {
    expect(t('10', 'gt', 9)).toBe(true)
    expect(t(3, 'lte', 3)).toBe(true)
    expect(t('2026-01-15T10:00:00Z', 'gt', '2026-01-14')).toBe(true)
    expect(t('abc', 'gt', 1)).toBe(false)
    expect(t('abc', 'lt', 1)).toBe(false)
  })

  it('checks list membership from arrays or comma/newline separated text', () => {
    expect(t('svc_backup', 'in_list', 'admin, svc_backup\nroot')).toBe(true)
    expect(t(['a', 'b'], 'in_list', ['b'])).toBe(true)
    expect(t('x', 'not_in_list', ['a'])).toBe(true)
  })

  it('checks CIDR membership for IPv4, IPv6 and lists of addresses', () => {
    expect(t('10.1.2.3', 'in_cidr', '10.0.0.0/8')).toBe(true)
    expect(t('2001:db8::1', 'in_cidr', ['2001:db8::/32'])).toBe(true)
    expect(t(['8.8.8.8', '192.168.1.1'], 'in_cidr', '192.168.0.0/16')).toBe(true)
    expect(t('not-an-ip', 'in_cidr', '10.0.0.0/8')).toBe(false)
  })

  it('treats null, blank strings, empty arrays and objects as empty', () => {
    for (const v of [undefined, null, '  ', [], {}]) expect(t(v, 'is_empty')).toBe(true)
    for (const v of [0, false, 'x', [0]]) expect(t(v, 'is_not_empty')).toBe(true)
    expect(t(0, 'exists')).toBe(true)
    expect(t(null, 'not_exists')).toBe(true)
  })

  it('matches regexes in bounded time', () => {
    expect(t('user: Admin', 'matches', '^user: (admin|root)$', true)).toBe(true)
    expect(t(`${'a'.repeat(50_000)}!`, 'matches', 'a+b')).toBe(false)
  })
})

describe('evaluateGroup', () => {
  it('is true for an empty all-group and false for an empty any-group', () => {
    expect(evaluateGroup({ combinator: 'all', rules: [] }).result).toBe(true)
    expect(evaluateGroup({ combinator: 'any', rules: [] }).result).toBe(false)
  })

  it('resolves fields through the given function', () => {
    const item = { score: 90 }
    const r = evaluateGroup(
      { combinator: 'all', rules: [{ field: 'score', operator: 'gt', value: 50 }] },
      (f) => item[f as keyof typeof item],
    )
    expect(r).toEqual({ result: true, matched: ['0'] })
  })
})
