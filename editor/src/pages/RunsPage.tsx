import { RefreshCw } from 'lucide-react'
import { useLocation, useSearch } from 'wouter'
import { api, unwrap } from '../api/client.ts'
import { ErrorNotice } from '../lib/ErrorNotice.tsx'
import { useLoad } from '../lib/useLoad.ts'
import { RunFilterBar } from './runs/RunFilterBar.tsx'
import { RunTable } from './runs/RunTable.tsx'
import { filtersFromSearch, type RunFilters, searchFromFilters } from './runs/run-filters.ts'
import { useRunList } from './runs/useRunList.ts'

async function playbookIds() {
  return unwrap(await api.GET('/api/playbooks')).items.map((p) => p.id)
}

/** Every run, newest first, with filters in the address, "Load more" and live status. */
export default function RunsPage() {
  const search = useSearch()
  const [, navigate] = useLocation()
  const filters = filtersFromSearch(search)
  const runs = useRunList(filters)
  const ids = useLoad('playbook-ids', playbookIds)
  const setFilters = (next: RunFilters) => {
    const q = searchFromFilters(next)
    navigate(q ? `/runs?${q}` : '/runs', { replace: true })
  }
  return (
    <div className="page">
      <div className="page-header">
        <h1>Runs</h1>
        {runs.live ? (
          <span className="muted" role="status">
            Live: refreshing while runs are active
          </span>
        ) : null}
        <button type="button" onClick={() => void runs.refresh()} disabled={!runs.page}>
          <RefreshCw size={16} aria-hidden="true" />
          Refresh
        </button>
      </div>
      <RunFilterBar value={filters} onChange={setFilters} playbookIds={ids.data ?? []} />
      <ErrorNotice error={runs.error} title="Could not load the runs" />
      {runs.loading ? <p className="muted">Loading…</p> : null}
      {runs.page && runs.page.items.length === 0 ? (
        <p className="empty">No run matches these filters.</p>
      ) : null}
      {runs.page && runs.page.items.length > 0 ? <RunTable runs={runs.page.items} now={Date.now()} /> : null}
      {runs.page?.nextCursor ? (
        <div className="row" style={{ justifyContent: 'center', marginTop: 12 }}>
          <button type="button" onClick={() => void runs.loadMore()} disabled={runs.loadingMore}>
            {runs.loadingMore ? 'Loading…' : 'Load more'}
          </button>
        </div>
      ) : null}
    </div>
  )
}
