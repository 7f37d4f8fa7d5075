import { Upload } from 'lucide-react'
import { type ChangeEvent, useRef, useState } from 'react'
import { ApiError } from '../../api/client.ts'
import { Dialog } from '../../lib/Dialog.tsx'
import { ErrorNotice } from '../../lib/ErrorNotice.tsx'
import { readPlaybookFile } from './read-playbook-file.ts'

/** What the page does with an imported file: create it, or replace the draft of the same id. */
export type ImportHandler = (playbook: Record<string, unknown>, mode: 'create' | 'replace') => Promise<void>

interface Failure {
  fileName: string
  error: unknown
  /** The parsed file, kept so a conflict can be resolved by replacing the draft. */
  playbook?: Record<string, unknown>
}

/**
 * The "Import" button: picks a playbook JSON file, checks its syntax and sends it; a rejected file
 * opens a dialog with every problem and its path, and an existing id asks whether to replace the
 * draft (a question, not an error).
 * @example <ImportPlaybook onImport={importPlaybook} />
 */
export function ImportPlaybook({ onImport }: { onImport: ImportHandler }) {
  const input = useRef<HTMLInputElement>(null)
  const [failure, setFailure] = useState<Failure>()
  const [busy, setBusy] = useState(false)

  async function send(fileName: string, playbook: Record<string, unknown>, mode: 'create' | 'replace') {
    setBusy(true)
    try {
      await onImport(playbook, mode)
      setFailure(undefined)
    } catch (error) {
      setFailure({ fileName, error, playbook })
    } finally {
      setBusy(false)
    }
  }

  async function picked(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0]
    e.target.value = ''
    if (!file) return
    const read = readPlaybookFile(await file.text(), file.name)
    if (!read.ok) return setFailure({ fileName: file.name, error: new Error(read.message) })
    await send(file.name, read.value, 'create')
  }

  const conflict = failure?.error instanceof ApiError && failure.error.status === 409 && failure.playbook
  return (
    <>
      <button type="button" onClick={() => input.current?.click()} disabled={busy}>
        <Upload size={16} aria-hidden="true" />
        Import
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        aria-label="Playbook file to import"
        hidden
        onChange={picked}
      />
      {failure && conflict ? (
        <Dialog
          title={`Playbook ${String(failure.playbook?.id)} already exists`}
          onClose={() => setFailure(undefined)}
        >
          <p>
            {failure.fileName} has the id of an existing playbook. Replace that playbook's draft with this
            file? Published versions stay as they are.
          </p>
          <div className="dialog-actions">
            <button type="button" onClick={() => setFailure(undefined)}>
              Cancel
            </button>
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => failure.playbook && void send(failure.fileName, failure.playbook, 'replace')}
            >
              Replace the draft
            </button>
          </div>
        </Dialog>
      ) : failure ? (
        <Dialog title={`Import of ${failure.fileName} failed`} onClose={() => setFailure(undefined)}>
          <ErrorNotice error={failure.error} />
          <div className="dialog-actions">
            <button type="button" onClick={() => setFailure(undefined)}>
              Close
            </button>
          </div>
        </Dialog>
      ) : null}
    </>
  )
}
