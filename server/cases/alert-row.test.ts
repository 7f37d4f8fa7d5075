import { describe, expect, it } from 'vitest'
import { alertRowOf, boundedKey, boundedRaw, MAX_RAW_BYTES } from './alert-row.ts'

describe('alert rows', () => {
  it('keeps small payloads and marks large ones with a preview', () => {
    expect(boundedRaw({ a: 1 })).toBe('{"a":1}')
    const big = JSON.parse(boundedRaw({ pad: 'x'.repeat(MAX_RAW_BYTES) }))
    expect(big).toMatchObject({ $truncated: true, bytes: MAX_RAW_BYTES + 10 })
    expect(big.preview).toHaveLength(4096)
  })

  it('hashes long grouping keys', () => {
    expect(boundedKey('r1:web-1')).toBe('r1:web-1')
    expect(boundedKey('k'.repeat(300))).toMatch(/^sha256:[0-9a-f]{64}$/)
  })

  it('maps the normalized alert to columns', () => {
    const row = alertRowOf({
      id: 'sid-1',
      source: 'splunk',
      rule: { id: 'r1', name: 'Rule one' },
      severity: 'high',
      title: 'Brute force',
      timestamp: '2026-01-15T10:00:00.000Z',
      user: 'bob',
      observables: { ips: [], domains: [], urls: [], hashes: [], emails: [] },
      raw: { x: 1 },
    })
    expect(row).toEqual({
      source: 'splunk',
      externalId: 'sid-1',
      ruleId: 'r1',
      ruleName: 'Rule one',
      severity: 'high',
      title: 'Brute force',
      host: null,
      user: 'bob',
      eventAt: Date.UTC(2026, 0, 15, 10),
      rawJson: '{"x":1}',
    })
  })
})
