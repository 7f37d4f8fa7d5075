import { useStoreApi } from '@xyflow/react'
import { useCallback } from 'react'
import type { Position } from '../../../../runtime/format/schema.ts'
import { DEFAULT_NODE_SIZE } from '../layout/auto-layout.ts'

/**
 * A function giving the canvas position where a new box sits in the middle of the view (its
 * top-left corner). Call it inside the designer's `ReactFlowProvider`.
 * @example const centre = useViewCentre(); store.getState().addNote(centre())
 */
export function useViewCentre() {
  const flowStore = useStoreApi()
  return useCallback((): Position => {
    const { width, height, transform } = flowStore.getState()
    const [x, y, zoom] = transform
    return {
      x: Math.round((width / 2 - x) / zoom - DEFAULT_NODE_SIZE.width / 2),
      y: Math.round((height / 2 - y) / zoom - DEFAULT_NODE_SIZE.height / 2),
    }
  }, [flowStore])
}
