import { useCallback, useEffect, useRef, useState } from 'react'
import { api, type Schemas, unwrap } from '../../api/client.ts'
import { isLive } from '../../lib/status.ts'
import { usePolling } from '../../lib/usePolling.ts'
import { type RunPage, refreshPage } from './refresh-page.ts'
import { type RunFilters, runQuery } from './run-filters.ts'

export type RunSummary = Schemas['RunSummary']

export const PAGE_SIZE = 50
/** The most a refresh asks for at once (the server's limit). */
const MAX_REFRESH = 200
/** How often the list refreshes while a run shown is queued, running or waiting. */
export const LIVE_POLL_MS = 2_000

async function fetchPage(filters: RunFilters, cursor: string | undefined, limit: number) {
  const query = runQuery(filters, Date.now(), { ...(cursor ? { cursor } : {}), limit })
  return unwrap(await api.GET('/api/runs', { params: { query } }))
}

/**
 * The runs for a set of filters: the first page, "Load more" through the cursor, and a live refresh
 * while any run shown can still change.
 * @example const { page, loadMore } = useRunList(filters)
 */
export function useRunList(filters: RunFilters) {
  const key = JSON.stringify(filters)
  const [state, setState] = useState<{ key: string; page?: RunPage<RunSummary>; error?: unknown }>({ key })
  const [loadingMore, setLoadingMore] = useState(false)
  const current = useRef({ key, filters, page: state.page })
  current.current = { key, filters, page: state.key === key ? state.page : undefined }

  useEffect(() => {
    const forKey = key
    setState({ key: forKey })
    fetchPage(JSON.parse(forKey) as RunFilters, undefined, PAGE_SIZE).then(
      (page) => current.current.key === forKey && setState({ key: forKey, page }),
      (error) => current.current.key === forKey && setState({ key: forKey, error }),
    )
  }, [key])

  const loadMore = useCallback(async () => {
    const { key: forKey, filters: f, page } = current.current
    if (!page?.nextCursor) return
    setLoadingMore(true)
    try {
      const next = await fetchPage(f, page.nextCursor, PAGE_SIZE)
      if (current.current.key === forKey)
        setState({
          key: forKey,
          page: { items: [...page.items, ...next.items], nextCursor: next.nextCursor },
        })
    } catch (error) {
      if (current.current.key === forKey) setState((s) => ({ ...s, error }))
    } finally {
      setLoadingMore(false)
    }
  }, [])

  const refresh = useCallback(async () => {
    const { key: forKey, filters: f, page } = current.current
    if (!page) return
    const limit = Math.min(MAX_REFRESH, Math.max(PAGE_SIZE, page.items.length))
    const fresh = await fetchPage(f, undefined, limit)
    if (current.current.key !== forKey) return
    setState((s) => (s.page ? { key: forKey, page: refreshPage(s.page, fresh, limit) } : s))
  }, [])

  const page = state.key === key ? state.page : undefined
  const live = page?.items.some((r) => isLive(r.status)) ?? false
  usePolling(refresh, LIVE_POLL_MS, live)

  return {
    page,
    error: state.key === key ? state.error : undefined,
    loading: page === undefined && state.error === undefined,
    loadingMore,
    live,
    loadMore,
    refresh,
  }
}
