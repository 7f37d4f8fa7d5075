import { describe, expect, it } from 'vitest'
import { parseCron, slotsBetween } from './slots.ts'

const t = (iso: string) => Date.parse(iso)

describe('slots', () => {
  it('lists slots in (from, to], ascending', () => {
    const hourly = parseCron('0 * * * *')
    expect(slotsBetween(hourly, t('2024-01-01T10:00:00Z'), t('2024-01-01T12:00:00Z'))).toEqual([
      t('2024-01-01T11:00:00Z'),
      t('2024-01-01T12:00:00Z'),
    ])
  })

  it('keeps the latest when capped', () => {
    const minutely = parseCron('* * * * *')
    expect(slotsBetween(minutely, t('2024-01-01T10:00:00Z'), t('2024-01-01T11:00:00Z'), 2)).toEqual([
      t('2024-01-01T10:59:00Z'),
      t('2024-01-01T11:00:00Z'),
    ])
  })

  it('honours the timezone', () => {
    const nineInParis = parseCron('0 9 * * *', 'Europe/Paris')
    expect(slotsBetween(nineInParis, t('2024-01-01T00:00:00Z'), t('2024-01-02T00:00:00Z'))).toEqual([
      t('2024-01-01T08:00:00Z'),
    ])
  })

  it('throws on a bad pattern or timezone', () => {
    expect(() => parseCron('bogus')).toThrow()
    expect(() => parseCron('0 * * * *', 'Nowhere/Else')).toThrow()
  })
})
