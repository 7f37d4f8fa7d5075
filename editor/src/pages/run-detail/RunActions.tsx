import { Ban, RotateCcw } from 'lucide-react'
import { useState } from 'react'
import { ErrorNotice } from '../../lib/ErrorNotice.tsx'

/**
 * Cancel (with a confirmation step) and Retry for a run; the page decides which are allowed.
 * @example <RunActions failedNode="vt" canCancel={false} canRetry onCancel={cancel} onRetry={retry} />
 */
export function RunActions({
  canCancel,
  canRetry,
  failedNode,
  onCancel,
  onRetry,
}: {
  canCancel: boolean
  canRetry: boolean
  failedNode: string | undefined
  onCancel(): Promise<void>
  onRetry(fromNode?: string): Promise<void>
}) {
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>()

  async function act(action: () => Promise<void>) {
    setBusy(true)
    setError(undefined)
    try {
      await action()
      setConfirming(false)
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  if (!canCancel && !canRetry) return null
  return (
    <div className="stack">
      <div className="row">
        {canCancel && !confirming ? (
          <button type="button" className="danger" onClick={() => setConfirming(true)}>
            <Ban size={16} aria-hidden="true" />
            Cancel run
          </button>
        ) : null}
        {canCancel && confirming ? (
          <>
            <span>Cancel this run? Steps in flight are stopped.</span>
            <button type="button" className="danger" disabled={busy} onClick={() => void act(onCancel)}>
              Yes, cancel the run
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Keep running
            </button>
          </>
        ) : null}
        {canRetry && failedNode ? (
          <button type="button" disabled={busy} onClick={() => void act(() => onRetry(failedNode))}>
            <RotateCcw size={16} aria-hidden="true" />
            Retry from {failedNode}
          </button>
        ) : null}
        {canRetry ? (
          <button type="button" disabled={busy} onClick={() => void act(() => onRetry())}>
            <RotateCcw size={16} aria-hidden="true" />
            Retry from the start
          </button>
        ) : null}
      </div>
      <ErrorNotice error={error} />
    </div>
  )
}
