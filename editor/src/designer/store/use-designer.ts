import { useStore } from 'zustand'
import { useShallow } from 'zustand/react/shallow'
import type { DesignerState, DesignerStore } from './types.ts'

/**
 * Reads from a designer store in a component; re-renders only when the selected value changes
 * (compared shallowly, so selectors may return fresh arrays or objects of stable parts).
 * @example const selection = useDesigner(store, (s) => s.selection)
 */
export function useDesigner<T>(store: DesignerStore, selector: (state: DesignerState) => T): T {
  return useStore(store, useShallow(selector))
}
