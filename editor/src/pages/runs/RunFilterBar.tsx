import { NO_RUN_FILTER, type RunFilters, STATUS_CHOICES, TIME_RANGES } from './run-filters.ts'

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
  const filtered = JSON.stringify(value) !== JSON.stringify(NO_RUN_FILTER)
  return (
    <search className="filters" aria-label="Run filters">
      <label>
        Playbook
        <input
          list="run-filter-playbooks"
          value={value.playbook}
          placeholder="Any playbook"
          onChange={(e) => set({ playbook: e.target.value.trim().toLowerCase() })}
        />
        <datalist id="run-filter-playbooks">
          {playbookIds.map((id) => (
            <option key={id} value={id} />
          ))}
        </datalist>
      </label>
      <label>
        Status
        <select value={value.status} onChange={(e) => set({ status: e.target.value })}>
          <option value="">Any status</option>
          {STATUS_CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Mode
        <select value={value.mode} onChange={(e) => set({ mode: e.target.value as RunFilters['mode'] })}>
          <option value="">Test or production</option>
          <option value="test">Test</option>
          <option value="production">Production</option>
        </select>
      </label>
      <label>
        Time
        <select value={value.range} onChange={(e) => set({ range: e.target.value })}>
          <option value="">Any time</option>
          {Object.entries(TIME_RANGES).map(([key, r]) => (
            <option key={key} value={key}>
              {r.label}
            </option>
          ))}
        </select>
      </label>
      {filtered ? (
        <button type="button" className="ghost" onClick={() => onChange(NO_RUN_FILTER)}>
          Clear filters
        </button>
      ) : null}
    </search>
  )
}
