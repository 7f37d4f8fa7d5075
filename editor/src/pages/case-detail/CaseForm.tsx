import { Save } from 'lucide-react'
import { type FormEvent, useState } from 'react'
import { SEVERITIES } from '../../../../nodes/trigger/alert/shape.ts'
import {
  type CaseDetail,
  type CaseDraft,
  type CasePatch,
  casePatch,
  DISPOSITION_LABELS,
  draftOf,
} from './case-edit.ts'

/**
 * The editable fields of a case: title, severity, assignee, disposition and tags. Only the fields
 * the user touched are compared with the case, so a change made meanwhile by a playbook (seen
 * through the live refresh) is never sent back.
 * @example <CaseForm value={c} busy={false} onSave={(patch) => save(patch)} />
 */
export function CaseForm({
  value,
  busy,
  onSave,
}: {
  value: CaseDetail
  busy: boolean
  onSave(patch: CasePatch): Promise<boolean>
}) {
  const [edits, setEdits] = useState<Partial<CaseDraft>>({})
  const draft = { ...draftOf(value), ...edits }
  const patch = casePatch(value, draft)
  const edit = (change: Partial<CaseDraft>) => setEdits((e) => ({ ...e, ...change }))

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (patch && (await onSave(patch))) setEdits({})
  }

  return (
    <form className="case-form" aria-label="Edit the case" onSubmit={(e) => void submit(e)}>
      <label className="case-form-title">
        Title
        <input value={draft.title} onChange={(e) => edit({ title: e.target.value })} required />
      </label>
      <label>
        Severity
        <select
          value={draft.severity}
          onChange={(e) => edit({ severity: e.target.value as CaseDraft['severity'] })}
        >
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label>
        Assignee
        <input
          value={draft.assignee}
          placeholder="Unassigned"
          onChange={(e) => edit({ assignee: e.target.value })}
        />
      </label>
      <label>
        Disposition
        <select
          value={draft.disposition}
          onChange={(e) => edit({ disposition: e.target.value as CaseDraft['disposition'] })}
        >
          <option value="">Not decided</option>
          {Object.entries(DISPOSITION_LABELS).map(([key, label]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Tags
        <input
          value={draft.tags}
          placeholder="comma, separated"
          onChange={(e) => edit({ tags: e.target.value })}
        />
      </label>
      <div className="row">
        <button type="submit" className="primary" disabled={busy || !patch}>
          <Save size={16} aria-hidden="true" />
          Save changes
        </button>
        {patch ? (
          <button type="button" className="ghost" onClick={() => setEdits({})}>
            Discard
          </button>
        ) : null}
      </div>
    </form>
  )
}
