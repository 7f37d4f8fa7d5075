import { describe, expect, it } from 'vitest'
import { kpisToCsv } from './kpi-csv.ts'
import { computeKpis } from './kpis.ts'

describe('kpisToCsv', () => {
  it('writes one metric per line, durations in seconds, breakdowns keyed, formulas defused', () => {
    const kpis = computeKpis({
      cases: [
        {
          status: 'closed',
          disposition: 'true_positive',
          alertCount: 2,
          detectedAt: 0,
          createdAt: 1500,
          acknowledgedAt: 61_500,
          containedAt: null,
          resolvedAt: 121_500,
        },
      ],
      alertGroups: [{ ruleId: '=HYPERLINK("x")', source: 'splunk', alerts: 2, cases: 1 }],
      runs: [{ status: 'succeeded', count: 1 }],
    })
    const lines = kpisToCsv(kpis).split('\r\n')
    expect(lines[0]).toBe('metric,key,count,median_seconds,p90_seconds,value')
    expect(lines).toContain('cases,,,,,1')
    expect(lines).toContain('mttd,,1,1.5,1.5,')
    expect(lines).toContain('mttc,,0,,,')
    expect(lines).toContain('true_positive_rate,,,,,1')
    expect(lines).toContain('auto_closed_alert_share,,,,,0')
    expect(lines).toContain(`alerts_by_rule,"'=HYPERLINK(""x"")",,,,2`)
    expect(lines.at(-1)).toBe('')
  })
})
