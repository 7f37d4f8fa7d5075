import { type FormEvent, useState } from 'react'
import type { Playbook } from '../../../../runtime/format/schema.ts'
import { Dialog } from '../../lib/Dialog.tsx'
import { ErrorNotice } from '../../lib/ErrorNotice.tsx'
import { idProblem, newPlaybook, parseTags, playbookIdFor } from './new-playbook.ts'

/**
 * Asks for a new playbook's name (the id follows the name until edited), description and tags, and
 * hands a valid empty playbook to `onCreate`.
 * @example <NewPlaybookDialog takenIds={ids} onCreate={create} onClose={close} />
 */
export function NewPlaybookDialog({
  takenIds,
  onCreate,
  onClose,
}: {
  takenIds: ReadonlySet<string>
  onCreate(playbook: Playbook): Promise<void>
  onClose(): void
}) {
  const [name, setName] = useState('')
  const [customId, setCustomId] = useState<string>()
  const [description, setDescription] = useState('')
  const [tags, setTags] = useState('')
  const [error, setError] = useState<unknown>()
  const [busy, setBusy] = useState(false)
  const id = customId ?? playbookIdFor(name, takenIds)
  const problem = name.trim() ? idProblem(id, takenIds) : undefined

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (!name.trim() || problem) return
    setBusy(true)
    setError(undefined)
    try {
      await onCreate(newPlaybook({ id, name, description, tags: parseTags(tags) }))
    } catch (err) {
      setError(err)
      setBusy(false)
    }
  }

  return (
    <Dialog title="New playbook" onClose={onClose}>
      <form className="stack" onSubmit={submit}>
        <label>
          Name
          <input value={name} required maxLength={200} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          Id
          <input
            className="mono"
            value={id}
            aria-invalid={problem ? true : undefined}
            aria-describedby="new-playbook-id-help"
            onChange={(e) => setCustomId(e.target.value)}
          />
        </label>
        <span
          id="new-playbook-id-help"
          className={problem ? 'alert' : 'muted'}
          role={problem ? 'alert' : undefined}
        >
          {problem ?? 'Used in URLs, webhooks and file names; it cannot change later.'}
        </span>
        <label>
          Description
          <textarea rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
        </label>
        <label>
          Tags (comma-separated)
          <input value={tags} onChange={(e) => setTags(e.target.value)} />
        </label>
        <ErrorNotice error={error} title="Could not create the playbook" />
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || !name.trim() || problem !== undefined}>
            Create
          </button>
        </div>
      </form>
    </Dialog>
  )
}
