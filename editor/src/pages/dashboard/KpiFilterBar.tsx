import { Download } from 'lucide-react'
import { SEVERITY_CHOICES } from '../cases/case-filters.ts'
import { TIME_RANGES } from '../runs/run-filters.ts'
import { type KpiFilters, NO_KPI_FILTER } from './kpi-filters.ts'

/**
 * The dashboard filters (time range, severity, playbook and rule with suggestions) and the CSV
 * export of the figures they select.
 * @example <KpiFilterBar value={f} onChange={setF} playbookIds={ids} ruleIds={rules} csvHref={href} />
 */
export function KpiFilterBar({
  value,
  onChange,
  playbookIds,
  ruleIds,
  csvHref,
}: {
  value: KpiFilters
  onChange(next: KpiFilters): void
  playbookIds: readonly string[]
  ruleIds: readonly string[]
  csvHref: string
}) {
  const set = (patch: Partial<KpiFilters>) => onChange({ ...value, ...patch })
  const filtered = JSON.stringify(value) !== JSON.stringify(NO_KPI_FILTER)
  return (
    <search className="filters" aria-label="Dashboard filters">
      <label>
        Cases created
        <select value={value.range} onChange={(e) => set({ range: e.target.value })}>
          <option value="">Any time</option>
          {Object.entries(TIME_RANGES).map(([key, r]) => (
            <option key={key} value={key}>
              {r.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Severity
        <select value={value.severity} onChange={(e) => set({ severity: e.target.value })}>
          <option value="">Any severity</option>
          {SEVERITY_CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Playbook
        <input
          list="kpi-filter-playbooks"
          value={value.playbook}
          placeholder="Any playbook"
          onChange={(e) => set({ playbook: e.target.value })}
        />
        <datalist id="kpi-filter-playbooks">
          {playbookIds.map((id) => (
            <option key={id} value={id} />
          ))}
        </datalist>
      </label>
      <label>
        Rule
        <input
          list="kpi-filter-rules"
          value={value.rule}
          placeholder="Any rule"
          onChange={(e) => set({ rule: e.target.value })}
        />
        <datalist id="kpi-filter-rules">
          {ruleIds.map((id) => (
            <option key={id} value={id} />
          ))}
        </datalist>
      </label>
      {filtered ? (
        <button type="button" className="ghost" onClick={() => onChange(NO_KPI_FILTER)}>
          Clear filters
        </button>
      ) : null}
      <a className="button" href={csvHref} download="bulwark-kpis.csv">
        <Download size={16} aria-hidden="true" />
        Export CSV
      </a>
    </search>
  )
}
