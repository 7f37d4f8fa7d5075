import type { ReactNode } from 'react'

/** One choice of a select filter. */
export interface Choice {
  value: string
  label: string
}

/**
 * A filter bar: a labelled `<search>` landmark holding the fields, with "Clear filters" while any is
 * set, then `actions` (e.g. an export of what the filters select).
 * @example <FilterBar label="Run filters" filtered={isFiltered} onClear={() => set(NONE)}>…</FilterBar>
 */
export function FilterBar({
  label,
  filtered,
  onClear,
  actions,
  children,
}: {
  label: string
  filtered: boolean
  onClear(): void
  actions?: ReactNode
  children: ReactNode
}) {
  return (
    <search className="filters" aria-label={label}>
      {children}
      {filtered ? (
        <button type="button" className="ghost" onClick={onClear}>
          Clear filters
        </button>
      ) : null}
      {actions}
    </search>
  )
}

/**
 * A labelled select whose empty value means "any".
 * @example <ChoiceFilter label="Severity" any="Any severity" choices={SEVERITY_CHOICES} value={v} onChange={set} />
 */
export function ChoiceFilter({
  label,
  any,
  choices,
  value,
  onChange,
}: {
  label: string
  any: string
  choices: readonly Choice[]
  value: string
  onChange(value: string): void
}) {
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{any}</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  )
}

/**
 * A labelled free-text filter that suggests known values (a `<datalist>` with id `listId`).
 * @example <SuggestFilter label="Rule" listId="case-filter-rules" placeholder="Any rule" suggestions={ids} value={v} onChange={set} />
 */
export function SuggestFilter({
  label,
  listId,
  placeholder,
  suggestions,
  value,
  onChange,
}: {
  label: string
  listId: string
  placeholder: string
  suggestions: readonly string[]
  value: string
  onChange(value: string): void
}) {
  return (
    <label>
      {label}
      <input
        list={listId}
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
      />
      <datalist id={listId}>
        {suggestions.map((id) => (
          <option key={id} value={id} />
        ))}
      </datalist>
    </label>
  )
}
