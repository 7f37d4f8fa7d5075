import { ChoiceFilter, FilterBar, SuggestFilter } from '../../lib/FilterFields.tsx'
import { TIME_RANGE_CHOICES } from '../runs/run-filters.ts'
import { CASE_STATUS_CHOICES, type CaseFilters, NO_CASE_FILTER, SEVERITY_CHOICES } from './case-filters.ts'

/**
 * The filters above the case list: status, severity, assignee, rule (with suggestions) and time range.
 * @example <CaseFilterBar value={filters} onChange={setFilters} ruleIds={['5712']} />
 */
export function CaseFilterBar({
  value,
  onChange,
  ruleIds,
}: {
  value: CaseFilters
  onChange(next: CaseFilters): void
  ruleIds: readonly string[]
}) {
  const set = (patch: Partial<CaseFilters>) => onChange({ ...value, ...patch })
  return (
    <FilterBar
      label="Case filters"
      filtered={JSON.stringify(value) !== JSON.stringify(NO_CASE_FILTER)}
      onClear={() => onChange(NO_CASE_FILTER)}
    >
      <ChoiceFilter
        label="Status"
        any="Any status"
        choices={CASE_STATUS_CHOICES}
        value={value.status}
        onChange={(status) => set({ status })}
      />
      <ChoiceFilter
        label="Severity"
        any="Any severity"
        choices={SEVERITY_CHOICES}
        value={value.severity}
        onChange={(severity) => set({ severity })}
      />
      <label>
        Assignee
        <input
          value={value.assignee}
          placeholder="Anyone"
          onChange={(e) => set({ assignee: e.target.value })}
        />
      </label>
      <SuggestFilter
        label="Rule"
        listId="case-filter-rules"
        placeholder="Any rule"
        suggestions={ruleIds}
        value={value.rule}
        onChange={(rule) => set({ rule })}
      />
      <ChoiceFilter
        label="Created"
        any="Any time"
        choices={TIME_RANGE_CHOICES}
        value={value.range}
        onChange={(range) => set({ range })}
      />
    </FilterBar>
  )
}
