import { describe, expect, it } from 'vitest'
import {
  kpiCsvHref,
  kpiFiltersFromSearch,
  kpiQuery,
  NO_KPI_FILTER,
  searchFromKpiFilters,
} from './kpi-filters.ts'

const now = 1_700_000_000_000

describe('dashboard filters', () => {
  it('round-trip through the address and ignore values that are not choices', () => {
    const f = {
      range: '30d',
      severity: 'high,critical',
      playbook: 'brute-force-login',
      rule: 'Access - Rule',
    }
    expect(kpiFiltersFromSearch(searchFromKpiFilters(f))).toEqual(f)
    expect(searchFromKpiFilters(NO_KPI_FILTER)).toBe('')
    expect(kpiFiltersFromSearch('range=1y&severity=bad&rule=5712')).toEqual({
      ...NO_KPI_FILTER,
      rule: '5712',
    })
  })

  it('make the KPI query and the CSV address of the server', () => {
    const f = { range: '7d', severity: 'low', playbook: ' Brute-Force-Login ', rule: ' 5712 ' }
    const query = {
      from: String(now - 7 * 86_400_000),
      severity: 'low',
      playbook: 'brute-force-login',
      rule: '5712',
    }
    expect(kpiQuery(f, now)).toEqual(query)
    expect(kpiCsvHref(f, now)).toBe(`/api/metrics/kpis.csv?${new URLSearchParams(query)}`)
    expect(kpiCsvHref(NO_KPI_FILTER, now)).toBe('/api/metrics/kpis.csv')
  })
})
