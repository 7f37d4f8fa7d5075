import { describe, expect, it } from 'vitest'
import { durationUnit, formatShare, headline, responseChart, responseTimes } from './kpi-figures.ts'
import { testKpis } from './test-kpis.ts'

describe('kpi figures', () => {
  it('write shares as percentages and nothing to divide as a dash', () => {
    expect(formatShare(0.8333)).toBe('83.3%')
    expect(formatShare(1)).toBe('100%')
    expect(formatShare(0)).toBe('0%')
    expect(formatShare(null)).toBe('—')
  })

  it('pick the largest unit the longest duration fills', () => {
    expect(durationUnit(0).label).toBe('seconds')
    expect(durationUnit(59_000).label).toBe('seconds')
    expect(durationUnit(5_400_000).label).toBe('hours')
    expect(durationUnit(3 * 86_400_000).label).toBe('days')
  })

  it('chart the four response times in one unit, missing figures as gaps', () => {
    const rows = responseTimes(testKpis())
    expect(rows.map((r) => [r.label, r.count])).toEqual([
      ['MTTD', 4],
      ['MTTA', 3],
      ['MTTC', 1],
      ['MTTR', 0],
    ])
    expect(responseChart(rows)).toEqual({
      unit: 'hours',
      short: 'h',
      data: [
        { name: 'MTTD', median: 0.03, p90: 0.07 },
        { name: 'MTTA', median: 0.17, p90: 1.5 },
        { name: 'MTTC', median: 0.5, p90: 0.5 },
        { name: 'MTTR', median: null, p90: null },
      ],
    })
  })

  it('sum up the headline figures', () => {
    expect(headline(testKpis()).map((f) => `${f.label}: ${f.value}`)).toEqual([
      'Cases: 4',
      'Alerts: 25',
      'True positives: 66.7%',
      'False positives: 33.3%',
      'Closed without a person: 20%',
      'Run success: 87.5%',
    ])
  })
})
