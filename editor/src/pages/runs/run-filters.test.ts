import { describe, expect, it } from 'vitest'
import { filtersFromSearch, NO_RUN_FILTER, runQuery, searchFromFilters } from './run-filters.ts'

describe('run filters in the address', () => {
  it('round-trip through the query string, leaving out empty ones', () => {
    const f = {
      playbook: 'phishing-triage',
      status: 'queued,running,waiting',
      mode: 'test' as const,
      range: '24h',
    }
    expect(filtersFromSearch(searchFromFilters(f))).toEqual(f)
    expect(searchFromFilters(NO_RUN_FILTER)).toBe('')
  })

  it('ignore values that are not choices', () => {
    expect(filtersFromSearch('mode=staging&range=2y&status=exploded&playbook=%20x%20')).toEqual({
      ...NO_RUN_FILTER,
      playbook: 'x',
    })
  })
})

describe('runQuery', () => {
  it('turns the time range into a start time and passes the cursor and limit', () => {
    const now = 1_700_000_000_000
    expect(
      runQuery({ ...NO_RUN_FILTER, mode: 'production', range: '1h' }, now, { cursor: 'c1', limit: 50 }),
    ).toEqual({
      mode: 'production',
      from: String(now - 3_600_000),
      cursor: 'c1',
      limit: '50',
    })
    expect(runQuery(NO_RUN_FILTER, now)).toEqual({})
  })
})
