import { type FormEvent, useState } from 'react'
import { type AuditFilters, auditFilterProblem, NO_AUDIT_FILTER } from './audit-filters.ts'

/**
 * The audit filters, applied on submit (not per keystroke): action, actor, target and a date range.
 * @example <AuditFilterForm value={filters} onApply={setFilters} />
 */
export function AuditFilterForm({ value, onApply }: { value: AuditFilters; onApply(f: AuditFilters): void }) {
  const [draft, setDraft] = useState(value)
  const problem = auditFilterProblem(draft)
  const set = (key: keyof AuditFilters) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.target.value }))
  function submit(e: FormEvent) {
    e.preventDefault()
    if (!problem) onApply(draft)
  }
  return (
    <form className="filters" aria-label="Audit filters" onSubmit={submit}>
      <label>
        Action
        <input value={draft.action} placeholder="e.g. playbook.publish" onChange={set('action')} />
      </label>
      <label>
        Actor
        <input value={draft.actor} onChange={set('actor')} />
      </label>
      <label>
        Target
        <input value={draft.target} onChange={set('target')} />
      </label>
      <label>
        From
        <input type="date" value={draft.from} onChange={set('from')} />
      </label>
      <label>
        To
        <input type="date" value={draft.to} onChange={set('to')} />
      </label>
      <button type="submit" className="primary" disabled={problem !== undefined}>
        Apply
      </button>
      <button
        type="button"
        className="ghost"
        onClick={() => {
          setDraft(NO_AUDIT_FILTER)
          onApply(NO_AUDIT_FILTER)
        }}
      >
        Clear
      </button>
      {problem ? (
        <span className="problem-path" role="alert">
          {problem}
        </span>
      ) : null}
    </form>
  )
}
