import '@xyflow/react/dist/style.css'
import './canvas.css'
import { Background, Controls, MiniMap, ReactFlow, type ReactFlowInstance } from '@xyflow/react'
import { type DragEvent, useCallback, useMemo, useRef, useState } from 'react'
import { useTheme } from '../../app/theme.ts'
import type { DesignerStore } from '../store/types.ts'
import { CanvasContext } from './canvas-context.ts'
import { NODE_DRAG_TYPE, parseDroppedNode } from './drop.ts'
import type { CanvasEdge, CanvasNode, DiffStatus } from './flow-types.ts'
import { NoteNode } from './NoteNode.tsx'
import { PortEdge } from './PortEdge.tsx'
import { StepNode } from './StepNode.tsx'
import { useFlowState } from './use-flow-state.ts'

const nodeTypes = { step: StepNode, note: NoteNode }
const edgeTypes = { port: PortEdge }
const DELETE_KEYS = ['Delete', 'Backspace']
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control']
const FIT_VIEW = { padding: 0.15, maxZoom: 1 }
/** On open, a big playbook is shown at a readable zoom around its centre rather than all at once. */
const OPEN_VIEW = { ...FIT_VIEW, minZoom: 0.5 }

export interface PlaybookCanvasProps {
  store: DesignerStore
  /** Viewing only (run detail, version diff, viewers): no dragging, wiring or deleting. */
  readOnly?: boolean
  /** Node id → how it differs in a version diff; highlighted on the boxes. */
  diff?: Record<string, DiffStatus>
}

/** Minimap colours follow the run status or problems of each node. */
function miniMapColor(node: CanvasNode): string {
  if (node.type === 'note') return 'var(--warning)'
  const { overlay, errors } = node.data
  if (overlay?.status === 'failed' || errors > 0) return 'var(--danger)'
  if (overlay?.status === 'succeeded') return 'var(--success)'
  if (overlay?.status === 'running') return 'var(--info)'
  return 'var(--fg-muted)'
}

/**
 * The playbook canvas: boxes for nodes and sticky notes, wired port to port, with the run overlay
 * and diff highlighting; minimap, zoom controls, multi-select (shift-click, shift-drag a box),
 * delete key, drag from the palette. Every change goes through the designer store.
 * @example <PlaybookCanvas store={store} readOnly overlay diff={{ vt: 'changed' }} />
 */
export function PlaybookCanvas({ store, readOnly = false, diff }: PlaybookCanvasProps) {
  const flow = useFlowState(store, diff)
  const theme = useTheme((s) => s.theme)
  const instance = useRef<ReactFlowInstance<CanvasNode, CanvasEdge> | null>(null)
  const context = useMemo(() => ({ store, readOnly }), [store, readOnly])
  // Fit what the playbook holds when it opens; an empty canvas must not jump to its first node.
  const [fitOnOpen] = useState(() => store.getState().playbook.nodes.length > 0)

  const onDragOver = useCallback(
    (e: DragEvent) => {
      if (readOnly || !e.dataTransfer.types.includes(NODE_DRAG_TYPE)) return
      e.preventDefault()
      e.dataTransfer.dropEffect = 'copy'
    },
    [readOnly],
  )

  const onDrop = useCallback(
    (e: DragEvent) => {
      if (readOnly || !e.dataTransfer.types.includes(NODE_DRAG_TYPE)) return
      e.preventDefault()
      const item = parseDroppedNode(e.dataTransfer.getData(NODE_DRAG_TYPE))
      const s = store.getState()
      if (!item) {
        s.notify('That is not a node from the palette.', 'error')
        return
      }
      const at = instance.current?.screenToFlowPosition({ x: e.clientX, y: e.clientY }) ?? { x: 0, y: 0 }
      s.addNode(item.type, item.version, at)
    },
    [readOnly, store],
  )

  return (
    <CanvasContext.Provider value={context}>
      <div className="playbook-canvas" data-readonly={readOnly || undefined}>
        <ReactFlow<CanvasNode, CanvasEdge>
          nodes={flow.nodes}
          edges={flow.edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={flow.onNodesChange}
          onEdgesChange={flow.onEdgesChange}
          onConnect={flow.onConnect}
          onDelete={flow.onDelete}
          onInit={(rf) => {
            instance.current = rf
          }}
          onDragOver={onDragOver}
          onDrop={onDrop}
          nodesDraggable={!readOnly}
          nodesConnectable={!readOnly}
          edgesReconnectable={false}
          deleteKeyCode={readOnly ? null : DELETE_KEYS}
          multiSelectionKeyCode={MULTI_SELECT_KEYS}
          selectionKeyCode="Shift"
          fitView={fitOnOpen}
          fitViewOptions={OPEN_VIEW}
          onlyRenderVisibleElements
          minZoom={0.05}
          maxZoom={2}
          colorMode={theme}
        >
          <Background gap={20} size={1} />
          <MiniMap pannable zoomable ariaLabel="Minimap" nodeColor={miniMapColor} nodeStrokeWidth={0} />
          <Controls showInteractive={false} fitViewOptions={FIT_VIEW} />
        </ReactFlow>
      </div>
    </CanvasContext.Provider>
  )
}
