import { describe, expect, it } from 'vitest'
import { caseQuery, filtersFromSearch, NO_CASE_FILTER, searchFromFilters } from './case-filters.ts'

describe('case filters in the address', () => {
  it('round-trip through the query string, leaving out empty ones and keeping typed spaces', () => {
    const f = {
      status: 'new,acknowledged,contained',
      severity: 'high,critical',
      assignee: 'ana',
      rule: 'Access - Okta Brute Force ',
      range: '7d',
    }
    expect(filtersFromSearch(searchFromFilters(f))).toEqual(f)
    expect(searchFromFilters(NO_CASE_FILTER)).toBe('')
    expect(searchFromFilters({ ...NO_CASE_FILTER, assignee: '  ' })).toBe('')
  })

  it('ignore values that are not choices', () => {
    expect(filtersFromSearch('status=open&severity=huge&range=2y&rule=5712')).toEqual({
      ...NO_CASE_FILTER,
      rule: '5712',
    })
  })
})

describe('caseQuery', () => {
  it('trims text, turns the time range into a start time and passes the cursor and limit', () => {
    const now = 1_700_000_000_000
    const f = { ...NO_CASE_FILTER, status: 'new', rule: ' 5712 ', assignee: ' ana ', range: '24h' }
    expect(caseQuery(f, now, { cursor: 'c1', limit: 50 })).toEqual({
      status: 'new',
      rule: '5712',
      assignee: 'ana',
      from: String(now - 86_400_000),
      cursor: 'c1',
      limit: '50',
    })
    expect(caseQuery(NO_CASE_FILTER, now)).toEqual({})
  })
})
