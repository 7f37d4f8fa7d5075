import { useReactFlow } from '@xyflow/react'
import { useCallback } from 'react'
import type { DesignerStore } from '../store/types.ts'

/**
 * A function that selects a node and centres the canvas on it (problems panel, run panel). Call it
 * inside the designer's `ReactFlowProvider`.
 * @example const focus = useFocusNode(store); focus('ip_info')
 */
export function useFocusNode(store: DesignerStore) {
  const flow = useReactFlow()
  return useCallback(
    (id: string) => {
      const { playbook, select } = store.getState()
      const at = playbook.layout?.[id]
      if (!at) return
      select([id])
      const size = flow.getNode(id)?.measured
      const x = at.x + (size?.width ?? 0) / 2
      const y = at.y + (size?.height ?? 0) / 2
      void flow.setCenter(x, y, { zoom: Math.max(flow.getZoom(), 1), duration: 300 })
    },
    [store, flow],
  )
}
