import { useState } from 'react'
import { Modal } from '../dialog/Modal.tsx'

/**
 * Asks for the note of a new published version (what changed and why), then publishes.
 * @example <PublishDialog dirty onPublish={(note) => actions.publish(note)} onClose={close} />
 */
export function PublishDialog({
  dirty,
  onPublish,
  onClose,
}: {
  /** Unsaved changes are saved first; the dialog says so. */
  dirty: boolean
  onPublish(note: string): Promise<boolean>
  onClose(): void
}) {
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  return (
    <Modal title="Publish a new version" onClose={onClose}>
      <form
        className="stack"
        onSubmit={async (e) => {
          e.preventDefault()
          setBusy(true)
          const done = await onPublish(note.trim())
          setBusy(false)
          if (done) onClose()
        }}
      >
        <p className="muted">
          The published version answers production triggers.{' '}
          {dirty && 'Your unsaved changes are saved first.'}
        </p>
        <label>
          Release note
          <textarea
            rows={4}
            maxLength={2000}
            value={note}
            placeholder="What changed, and why"
            onChange={(e) => setNote(e.target.value)}
          />
        </label>
        <div className="modal__actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Publishing…' : 'Publish'}
          </button>
        </div>
      </form>
    </Modal>
  )
}
