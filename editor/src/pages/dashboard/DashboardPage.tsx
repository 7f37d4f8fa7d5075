import './dashboard.css'
import { RefreshCw } from 'lucide-react'
import { useLocation, useSearch } from 'wouter'
import { api, unwrap } from '../../api/client.ts'
import { ErrorNotice } from '../../lib/ErrorNotice.tsx'
import { useLoad } from '../../lib/useLoad.ts'
import { usePolling } from '../../lib/usePolling.ts'
import { Breakdown } from './Breakdown.tsx'
import { KpiCards } from './KpiCards.tsx'
import { KpiFilterBar } from './KpiFilterBar.tsx'
import type { Kpis } from './kpi-figures.ts'
import {
  type KpiFilters,
  kpiCsvHref,
  kpiFiltersFromSearch,
  kpiQuery,
  searchFromKpiFilters,
} from './kpi-filters.ts'
import { ResponseTimes } from './ResponseTimes.tsx'
import { RuleGaps } from './RuleGaps.tsx'

/** How often the figures are computed again while the dashboard is open. */
export const DASHBOARD_POLL_MS = 15_000

async function playbookIds() {
  return unwrap(await api.GET('/api/playbooks')).items.map((p) => p.id)
}

async function fetchKpis(filters: KpiFilters): Promise<Kpis> {
  const query = kpiQuery(filters, Date.now())
  // Without `format=csv` the route answers JSON (its schema lists the CSV variant too).
  return unwrap(await api.GET('/api/metrics/kpis', { params: { query } })) as Kpis
}

async function rules() {
  return unwrap(await api.GET('/api/rules'))
}

const casesOfRule = (rule: string) => `/cases?rule=${encodeURIComponent(rule)}`

/**
 * The response dashboard: headline figures, MTTD/MTTA/MTTC/MTTR (median and p90), alerts and cases by
 * rule and source, and the rules no playbook answers; filters in the address and a CSV export.
 */
export default function DashboardPage() {
  const search = useSearch()
  const [, navigate] = useLocation()
  const filters = kpiFiltersFromSearch(search)
  const kpis = useLoad(`kpis:${JSON.stringify(filters)}`, () => fetchKpis(filters))
  const ruleList = useLoad('rules', rules)
  const ids = useLoad('playbook-ids', playbookIds)
  const reload = () => Promise.all([kpis.reload(), ruleList.reload()])
  usePolling(reload, DASHBOARD_POLL_MS)
  const setFilters = (next: KpiFilters) => {
    const q = searchFromKpiFilters(next)
    navigate(q ? `/dashboard?${q}` : '/dashboard', { replace: true })
  }
  const now = Date.now()
  const k = kpis.data
  return (
    <div className="page">
      <div className="page-header">
        <h1>Dashboard</h1>
        <button type="button" onClick={() => void reload()}>
          <RefreshCw size={16} aria-hidden="true" />
          Refresh
        </button>
      </div>
      <KpiFilterBar
        value={filters}
        onChange={setFilters}
        playbookIds={ids.data ?? []}
        ruleIds={ruleList.data?.items.map((r) => r.ruleId) ?? []}
        csvHref={kpiCsvHref(filters, now)}
      />
      <ErrorNotice error={kpis.error} title="Could not compute the figures" />
      {kpis.loading ? <p className="muted">Loading…</p> : null}
      {k ? (
        <div className="dashboard">
          <KpiCards kpis={k} />
          <ResponseTimes kpis={k} />
          <div className="dashboard-columns">
            <Breakdown title="By rule" keyLabel="Rule" rows={k.byRule} casesHref={casesOfRule} />
            <Breakdown title="By source" keyLabel="Source" rows={k.bySource} />
          </div>
        </div>
      ) : null}
      <ErrorNotice error={ruleList.error} title="Could not load the rules" />
      {ruleList.data ? <RuleGaps rules={ruleList.data.items} now={now} /> : null}
    </div>
  )
}
