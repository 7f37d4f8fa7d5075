import { api, type Schemas, unwrap } from '../../api/client.ts'
import { useCursorList } from '../../lib/useCursorList.ts'
import { type CaseFilters, caseQuery } from './case-filters.ts'

export type CaseSummary = Schemas['CaseSummary']
export { PAGE_SIZE } from '../../lib/useCursorList.ts'

/** How often the list refreshes: alerts open and grow cases at any time. */
export const CASE_POLL_MS = 5_000

async function fetchCases(filters: CaseFilters, cursor: string | undefined, limit: number) {
  const query = caseQuery(filters, Date.now(), { ...(cursor ? { cursor } : {}), limit })
  return unwrap(await api.GET('/api/cases', { params: { query } }))
}

const options = { pollMs: CASE_POLL_MS, poll: () => true }

/**
 * The cases for a set of filters: the first page, "Load more" through the cursor, and a refresh every
 * few seconds that keeps the pages already loaded (see `refreshPage`).
 * @example const { page, loadMore } = useCaseList(filters)
 */
export function useCaseList(filters: CaseFilters) {
  const { polling: _polling, ...list } = useCursorList(filters, fetchCases, options)
  return list
}
