import { TIME_RANGES } from '../runs/run-filters.ts'
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
  const filtered = JSON.stringify(value) !== JSON.stringify(NO_CASE_FILTER)
  return (
    <search className="filters" aria-label="Case filters">
      <label>
        Status
        <select value={value.status} onChange={(e) => set({ status: e.target.value })}>
          <option value="">Any status</option>
          {CASE_STATUS_CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
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
        Assignee
        <input
          value={value.assignee}
          placeholder="Anyone"
          onChange={(e) => set({ assignee: e.target.value })}
        />
      </label>
      <label>
        Rule
        <input
          list="case-filter-rules"
          value={value.rule}
          placeholder="Any rule"
          onChange={(e) => set({ rule: e.target.value })}
        />
        <datalist id="case-filter-rules">
          {ruleIds.map((id) => (
            <option key={id} value={id} />
          ))}
        </datalist>
      </label>
      <label>
        Created
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
        <button type="button" className="ghost" onClick={() => onChange(NO_CASE_FILTER)}>
          Clear filters
        </button>
      ) : null}
    </search>
  )
}
