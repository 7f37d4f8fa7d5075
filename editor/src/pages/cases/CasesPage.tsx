import { RefreshCw } from 'lucide-react'
import { useLocation, useSearch } from 'wouter'
import { api, unwrap } from '../../api/client.ts'
import { ErrorNotice } from '../../lib/ErrorNotice.tsx'
import { useLoad } from '../../lib/useLoad.ts'
import { CaseFilterBar } from './CaseFilterBar.tsx'
import { CaseTable } from './CaseTable.tsx'
import { type CaseFilters, filtersFromSearch, searchFromFilters } from './case-filters.ts'
import { CASE_POLL_MS, useCaseList } from './useCaseList.ts'

async function ruleIds() {
  return unwrap(await api.GET('/api/rules')).items.map((r) => r.ruleId)
}

/** Every case, newest first, with filters in the address, "Load more" and a live refresh. */
export default function CasesPage() {
  const search = useSearch()
  const [, navigate] = useLocation()
  const filters = filtersFromSearch(search)
  const cases = useCaseList(filters)
  const rules = useLoad('rule-ids', ruleIds)
  const setFilters = (next: CaseFilters) => {
    const q = searchFromFilters(next)
    navigate(q ? `/cases?${q}` : '/cases', { replace: true })
  }
  return (
    <div className="page">
      <div className="page-header">
        <h1>Cases</h1>
        <span className="muted">Live: refreshing every {CASE_POLL_MS / 1000} s</span>
        <button type="button" onClick={() => void cases.refresh()} disabled={!cases.page}>
          <RefreshCw size={16} aria-hidden="true" />
          Refresh
        </button>
      </div>
      <CaseFilterBar value={filters} onChange={setFilters} ruleIds={rules.data ?? []} />
      <ErrorNotice error={cases.error} title="Could not load the cases" />
      {cases.loading ? <p className="muted">Loading…</p> : null}
      {cases.page && cases.page.items.length === 0 ? (
        <p className="empty">No case matches these filters.</p>
      ) : null}
      {cases.page && cases.page.items.length > 0 ? (
        <CaseTable cases={cases.page.items} now={Date.now()} />
      ) : null}
      {cases.page?.nextCursor ? (
        <div className="row" style={{ justifyContent: 'center', marginTop: 12 }}>
          <button type="button" onClick={() => void cases.loadMore()} disabled={cases.loadingMore}>
            {cases.loadingMore ? 'Loading…' : 'Load more'}
          </button>
        </div>
      ) : null}
    </div>
  )
}
