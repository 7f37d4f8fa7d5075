import { X } from 'lucide-react'
import { useEffect } from 'react'
import type { DesignerStore } from '../store/types.ts'
import { useDesigner } from '../store/use-designer.ts'

/** How long a notice stays: errors longer, so a refused connection can be read. */
const SHOW_MS = { info: 5000, success: 4000, error: 9000 } as const

/**
 * The designer's status line: the store's latest notice (a refused connection and its reason, a
 * failed paste, a save), announced to screen readers and dismissed after a few seconds.
 */
export function StatusLine({ store }: { store: DesignerStore }) {
  const notice = useDesigner(store, (s) => s.notice)
  useEffect(() => {
    if (!notice) return
    const timer = setTimeout(() => {
      if (store.getState().notice?.id === notice.id) store.getState().clearNotice()
    }, SHOW_MS[notice.tone])
    return () => clearTimeout(timer)
  }, [notice, store])
  return (
    <div
      className="status-line"
      role={notice?.tone === 'error' ? 'alert' : 'status'}
      data-tone={notice?.tone}
    >
      {notice && (
        <>
          <span>{notice.message}</span>
          <button
            type="button"
            className="ghost"
            aria-label="Dismiss message"
            onClick={() => store.getState().clearNotice()}
          >
            <X size={14} aria-hidden="true" />
          </button>
        </>
      )}
    </div>
  )
}
