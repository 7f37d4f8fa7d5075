import { api, type Schemas, unwrap } from '../../api/client.ts'
import { isLive } from '../../lib/status.ts'
import { useCursorList } from '../../lib/useCursorList.ts'
import { type RunFilters, runQuery } from './run-filters.ts'

export type RunSummary = Schemas['RunSummary']
export { PAGE_SIZE } from '../../lib/useCursorList.ts'

/** How often the list refreshes while a run shown is queued, running or waiting. */
export const LIVE_POLL_MS = 2_000

async function fetchRuns(filters: RunFilters, cursor: string | undefined, limit: number) {
  const query = runQuery(filters, Date.now(), { ...(cursor ? { cursor } : {}), limit })
  return unwrap(await api.GET('/api/runs', { params: { query } }))
}

const options = {
  pollMs: LIVE_POLL_MS,
  poll: (page: { items: RunSummary[] }) => page.items.some((r) => isLive(r.status)),
}

/**
 * The runs for a set of filters: the first page, "Load more" through the cursor, and a live refresh
 * while any run shown can still change.
 * @example const { page, loadMore } = useRunList(filters)
 */
export function useRunList(filters: RunFilters) {
  const { polling, ...list } = useCursorList(filters, fetchRuns, options)
  return { ...list, live: polling }
}
