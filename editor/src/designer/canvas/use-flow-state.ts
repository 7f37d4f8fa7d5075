import type { Connection, EdgeChange, NodeChange, OnDelete } from '@xyflow/react'
import { useCallback, useMemo, useRef, useState } from 'react'
import type { Position } from '../../../../runtime/format/schema.ts'
import type { DesignerStore } from '../store/types.ts'
import { useDesigner } from '../store/use-designer.ts'
import { createFlowElements } from './flow-elements.ts'
import { type CanvasEdge, type CanvasNode, type DiffStatus, itemId } from './flow-types.ts'

/**
 * The canvas as React Flow sees it: nodes and edges derived from the store (objects reused while
 * unchanged), drag positions kept locally until the drop (one undo step per drag), selection
 * written to the store, and connections and deletions sent through the store's rules.
 */
export function useFlowState(store: DesignerStore, diff?: Readonly<Record<string, DiffStatus>>) {
  const { playbook, registry, selection, problems, overlay } = useDesigner(store, (s) => ({
    playbook: s.playbook,
    registry: s.registry,
    selection: s.selection,
    problems: s.problems,
    overlay: s.overlay,
  }))
  const elements = useMemo(createFlowElements, [])
  const [dragging, setDragging] = useState<Record<string, Position>>()
  const draggingRef = useRef(dragging)
  draggingRef.current = dragging
  const [selectedEdges, setSelectedEdges] = useState<ReadonlySet<string>>(() => new Set())

  const nodes = useMemo(
    () => elements.nodes({ playbook, registry, selection, problems, overlay, diff, dragging }),
    [elements, playbook, registry, selection, problems, overlay, diff, dragging],
  )
  const edges = useMemo(
    () => elements.edges({ playbook, overlay, selectedEdges }),
    [elements, playbook, overlay, selectedEdges],
  )

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      const selected = new Set(store.getState().selection)
      let selectionChanged = false
      const moving: Record<string, Position> = {}
      const dropped: Record<string, Position> = {}
      for (const c of changes) {
        if (c.type === 'select') {
          selectionChanged = true
          if (c.selected) selected.add(itemId(c.id))
          else selected.delete(itemId(c.id))
        } else if (c.type === 'position') {
          const at = c.position ?? draggingRef.current?.[c.id]
          if (!at) continue
          if (c.dragging) moving[c.id] = at
          else dropped[itemId(c.id)] = at
        }
      }
      if (selectionChanged) store.getState().select([...selected])
      if (Object.keys(moving).length > 0) setDragging((prev) => ({ ...prev, ...moving }))
      if (Object.keys(dropped).length > 0) {
        store.getState().moveNodes(dropped)
        setDragging(undefined)
      }
    },
    [store],
  )

  const onEdgesChange = useCallback((changes: EdgeChange<CanvasEdge>[]) => {
    const selects = changes.filter((c) => c.type === 'select')
    if (selects.length === 0) return
    setSelectedEdges((prev) => {
      const next = new Set(prev)
      for (const c of selects) {
        if (c.selected) next.add(c.id)
        else next.delete(c.id)
      }
      return next
    })
  }, [])

  const onConnect = useCallback(
    (c: Connection) => {
      store.getState().connect(c.source, c.sourceHandle ?? 'out', c.target)
    },
    [store],
  )

  const onDelete: OnDelete<CanvasNode, CanvasEdge> = useCallback(
    ({ nodes: gone, edges: cut }) => {
      const s = store.getState()
      s.batch(() => {
        for (const e of cut) s.removeEdge(e.source, e.data?.port ?? e.sourceHandle ?? 'out', e.target)
        if (gone.length > 0) s.remove(gone.map((n) => itemId(n.id)))
      })
      setSelectedEdges(new Set())
    },
    [store],
  )

  return { nodes, edges, onNodesChange, onEdgesChange, onConnect, onDelete }
}
