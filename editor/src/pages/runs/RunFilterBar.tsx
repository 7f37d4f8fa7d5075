import { ChoiceFilter, FilterBar, SuggestFilter } from '../../lib/FilterFields.tsx'
import { NO_RUN_FILTER, type RunFilters, STATUS_CHOICES, TIME_RANGE_CHOICES } from './run-filters.ts'

const MODE_CHOICES = [
  { value: 'test', label: 'Test' },
  { value: 'production', label: 'Production' },
] as const

/**
 * The filters above the runs list: playbook (with suggestions), status, mode and time range.
 * @example <RunFilterBar value={filters} onChange={setFilters} playbookIds={ids} />
 */
export function RunFilterBar({
  value,
  onChange,
  playbookIds,
}: {
  value: RunFilters
  onChange(next: RunFilters): void
  playbookIds: readonly string[]
}) {
  const set = (patch: Partial<RunFilters>) => onChange({ ...value, ...patch })
  return (
    <FilterBar
      label="Run filters"
      filtered={JSON.stringify(value) !== JSON.stringify(NO_RUN_FILTER)}
      onClear={() => onChange(NO_RUN_FILTER)}
    >
      <SuggestFilter
        label="Playbook"
        listId="run-filter-playbooks"
        placeholder="Any playbook"
        suggestions={playbookIds}
        value={value.playbook}
        onChange={(v) => set({ playbook: v.trim().toLowerCase() })}
      />
      <ChoiceFilter
        label="Status"
        any="Any status"
        choices={STATUS_CHOICES}
        value={value.status}
        onChange={(status) => set({ status })}
      />
      <ChoiceFilter
        label="Mode"
        any="Test or production"
        choices={MODE_CHOICES}
        value={value.mode}
        onChange={(mode) => set({ mode: mode as RunFilters['mode'] })}
      />
      <ChoiceFilter
        label="Time"
        any="Any time"
        choices={TIME_RANGE_CHOICES}
        value={value.range}
        onChange={(range) => set({ range })}
      />
    </FilterBar>
  )
}
