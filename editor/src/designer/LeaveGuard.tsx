import { useEffect, useState } from 'react'
import { useLocation } from 'wouter'
import { Dialog } from '../lib/Dialog.tsx'
import type { DesignerStore } from './store/types.ts'
import { useDesigner } from './store/use-designer.ts'

/** The in-app path a plain left click on `target` would open, if it is a link within the editor. */
export function linkTarget(e: MouseEvent, here: Location): string | undefined {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return
  const link = (e.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null
  if (!link || (link.target && link.target !== '_self') || link.hasAttribute('download')) return
  const url = new URL(link.href, here.href)
  if (url.origin !== here.origin) return
  if (url.pathname === here.pathname && url.search === here.search) return
  return url.pathname + url.search + url.hash
}

/**
 * While the playbook has unsaved changes, a click on a link to another page of the editor (the
 * navigation, a run, a template) first asks: stay, leave without saving, or save and leave. Closing
 * or reloading the tab is covered by the browser's own prompt (`useUnsavedWarning`).
 * @example <LeaveGuard store={store} save={actions.save} />
 */
export function LeaveGuard({ store, save }: { store: DesignerStore; save(): Promise<boolean> }) {
  const dirty = useDesigner(store, (s) => s.dirty)
  const [, navigate] = useLocation()
  const [target, setTarget] = useState<string>()
  const [saving, setSaving] = useState(false)

  useEffect(() => {
    if (!dirty) return
    // Capture phase on the document: runs before the router's own click handler on the link.
    const onClick = (e: MouseEvent) => {
      const to = linkTarget(e, window.location)
      if (to === undefined) return
      e.preventDefault()
      e.stopPropagation()
      setTarget(to)
    }
    document.addEventListener('click', onClick, true)
    return () => document.removeEventListener('click', onClick, true)
  }, [dirty])

  if (target === undefined) return null
  const leave = () => {
    setTarget(undefined)
    navigate(target)
  }
  const saveAndLeave = async () => {
    setSaving(true)
    const saved = await save()
    setSaving(false)
    if (saved) leave()
    else setTarget(undefined)
  }
  return (
    <Dialog title="Leave with unsaved changes?" onClose={() => setTarget(undefined)}>
      <p>This playbook has changes that are not saved yet. Leaving now discards them.</p>
      <div className="dialog-actions">
        <button type="button" onClick={() => setTarget(undefined)}>
          Stay
        </button>
        <button type="button" onClick={leave} disabled={saving}>
          Leave without saving
        </button>
        <button type="button" className="primary" onClick={() => void saveAndLeave()} disabled={saving}>
          Save and leave
        </button>
      </div>
    </Dialog>
  )
}
