import { describe, expect, it } from 'vitest'
import { getPath, toIso, without } from './util.ts'

describe('alert helpers', () => {
  it('reads nested, flattened and mixed dotted paths', () => {
    expect(getPath({ kibana: { alert: { severity: 'high' } } }, 'kibana.alert.severity')).toBe('high')
    expect(getPath({ 'kibana.alert.severity': 'low' }, 'kibana.alert.severity')).toBe('low')
    expect(getPath({ 'kibana.alert': { severity: 'medium' } }, 'kibana.alert.severity')).toBe('medium')
    expect(getPath({ a: 1 }, 'a.b')).toBeUndefined()
  })

  it('converts SIEM timestamps to ISO UTC', () => {
    expect(toIso('2026-01-15T08:12:44.331+0000', 0)).toBe('2026-01-15T08:12:44.331Z')
    expect(toIso('1768470912.250', 0)).toBe('2026-01-15T09:55:12.250Z')
    expect(toIso(1768470912000, 0)).toBe('2026-01-15T09:55:12.000Z')
    expect(toIso('not a date', 0)).toBe('1970-01-01T00:00:00.000Z')
  })

  it('drops nested and flattened paths', () => {
    expect(
      without({ email: { to: 'a', subject: 's' }, 'user.name': 'x', host: {} }, ['email.to', 'user', 'host']),
    ).toEqual({
      email: { subject: 's' },
    })
  })
})
