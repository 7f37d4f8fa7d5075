import { Download } from 'lucide-react'
import { ChoiceFilter, FilterBar, SuggestFilter } from '../../lib/FilterFields.tsx'
import { SEVERITY_CHOICES } from '../cases/case-filters.ts'
import { TIME_RANGE_CHOICES } from '../runs/run-filters.ts'
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
  return (
    <FilterBar
      label="Dashboard filters"
      filtered={JSON.stringify(value) !== JSON.stringify(NO_KPI_FILTER)}
      onClear={() => onChange(NO_KPI_FILTER)}
      actions={
        <a className="button" href={csvHref} download="bulwark-kpis.csv">
          <Download size={16} aria-hidden="true" />
          Export CSV
        </a>
      }
    >
      <ChoiceFilter
        label="Cases created"
        any="Any time"
        choices={TIME_RANGE_CHOICES}
        value={value.range}
        onChange={(range) => set({ range })}
      />
      <ChoiceFilter
        label="Severity"
        any="Any severity"
        choices={SEVERITY_CHOICES}
        value={value.severity}
        onChange={(severity) => set({ severity })}
      />
      <SuggestFilter
        label="Playbook"
        listId="kpi-filter-playbooks"
        placeholder="Any playbook"
        suggestions={playbookIds}
        value={value.playbook}
        onChange={(playbook) => set({ playbook })}
      />
      <SuggestFilter
        label="Rule"
        listId="kpi-filter-rules"
        placeholder="Any rule"
        suggestions={ruleIds}
        value={value.rule}
        onChange={(rule) => set({ rule })}
      />
    </FilterBar>
  )
}
