import { useEffect } from 'react'
import type { DesignerStore } from './store/types.ts'
import { useDesigner } from './store/use-designer.ts'

/**
 * Asks the browser to confirm leaving the page (closing the tab, reloading) while the playbook has
 * unsaved changes.
 */
export function useUnsavedWarning(store: DesignerStore) {
  const dirty = useDesigner(store, (s) => s.dirty)
  useEffect(() => {
    if (!dirty) return
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault()
      e.returnValue = ''
    }
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [dirty])
}
