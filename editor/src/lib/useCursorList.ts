import { useCallback, useEffect, useRef, useState } from 'react'
import { type RunPage as ListPage, refreshPage } from './refresh-page.ts'
import { usePolling } from './usePolling.ts'

export const PAGE_SIZE = 50
/** The most a refresh asks for at once (the server's limit). */
const MAX_REFRESH = 200

/** Fetches one page of a cursor-paginated list for `filters`. */
export type FetchPage<F, T> = (filters: F, cursor: string | undefined, limit: number) => Promise<ListPage<T>>

export interface CursorListOptions<T> {
  /** How often to refresh while `poll(page)` says so. */
  pollMs: number
  poll(page: ListPage<T>): boolean
}

/**
 * A cursor-paginated list for a set of filters: the first page, "Load more" through the cursor, and
 * a refresh that keeps the pages already loaded (see `refreshPage`). Answers for stale filters are
 * dropped; a failed refresh shows its error and the next tick tries again.
 * @example const { page, loadMore } = useCursorList(filters, fetchRuns, { pollMs: 2000, poll: anyLive })
 */
export function useCursorList<F, T extends { id: string }>(
  filters: F,
  fetchPage: FetchPage<F, T>,
  options: CursorListOptions<T>,
) {
  const key = JSON.stringify(filters)
  const [state, setState] = useState<{ key: string; page?: ListPage<T>; error?: unknown }>({ key })
  const [loadingMore, setLoadingMore] = useState(false)
  const current = useRef({ key, filters, page: state.page, fetchPage })
  current.current = { key, filters, page: state.key === key ? state.page : undefined, fetchPage }

  useEffect(() => {
    const forKey = key
    setState({ key: forKey })
    current.current.fetchPage(JSON.parse(forKey) as F, undefined, PAGE_SIZE).then(
      (page) => current.current.key === forKey && setState({ key: forKey, page }),
      (error) => current.current.key === forKey && setState({ key: forKey, error }),
    )
  }, [key])

  const loadMore = useCallback(async () => {
    const { key: forKey, filters: f, page, fetchPage: fetch } = current.current
    if (!page?.nextCursor) return
    setLoadingMore(true)
    try {
      const next = await fetch(f, page.nextCursor, PAGE_SIZE)
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
    const { key: forKey, filters: f, page, fetchPage: fetch } = current.current
    if (!page) return
    const limit = Math.min(MAX_REFRESH, Math.max(PAGE_SIZE, page.items.length))
    try {
      const fresh = await fetch(f, undefined, limit)
      if (current.current.key !== forKey) return
      setState((s) => (s.page ? { key: forKey, page: refreshPage(s.page, fresh, limit) } : s))
    } catch (error) {
      if (current.current.key === forKey) setState((s) => ({ ...s, error }))
    }
  }, [])

  const page = state.key === key ? state.page : undefined
  const polling = page !== undefined && options.poll(page)
  usePolling(refresh, options.pollMs, polling)

  return {
    page,
    error: state.key === key ? state.error : undefined,
    loading: page === undefined && state.error === undefined,
    loadingMore,
    polling,
    loadMore,
    refresh,
  }
}
