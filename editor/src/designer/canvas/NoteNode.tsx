import { type NodeProps, NodeResizeControl } from '@xyflow/react'
import { memo, useContext, useState } from 'react'
import { CanvasContext } from './canvas-context.ts'
import type { NoteFlowNode } from './flow-types.ts'
import { noteSize } from './node-geometry.ts'

/** The smallest a note can be resized to. */
const NOTE_MIN = { width: 120, height: 60 }

/**
 * A sticky note: editable text on the canvas (read-only text in a read-only canvas). Dragged by its
 * border strip; the text area is not a drag handle so text can be selected. A selected note is
 * resized from its bottom-right corner: the size follows the pointer and is stored (one undo step)
 * when the pointer is released.
 */
export const NoteNode = memo(function NoteNode({ data, selected }: NodeProps<NoteFlowNode>) {
  const { store, readOnly } = useContext(CanvasContext)
  const { note } = data
  const [resizing, setResizing] = useState<{ width: number; height: number }>()
  const style = resizing ?? noteSize(note)
  const editable = !readOnly && store !== undefined
  return (
    <div className="note-node" style={style} data-selected={selected || undefined} data-color={note.color}>
      {editable && selected ? (
        <NodeResizeControl
          position="bottom-right"
          className="note-node__resize"
          minWidth={NOTE_MIN.width}
          minHeight={NOTE_MIN.height}
          onResize={(_, p) => setResizing({ width: p.width, height: p.height })}
          onResizeEnd={(_, p) => {
            setResizing(undefined)
            store
              ?.getState()
              .updateNote(note.id, { width: Math.round(p.width), height: Math.round(p.height) })
          }}
        />
      ) : null}
      <div className="note-node__grip" aria-hidden="true" />
      {readOnly || !store ? (
        <div className="note-node__text">{note.text}</div>
      ) : (
        <textarea
          className="note-node__text nodrag nowheel"
          aria-label={`Note ${note.id}`}
          value={note.text}
          placeholder="Write a note…"
          onChange={(e) => store.getState().updateNote(note.id, { text: e.target.value })}
        />
      )}
    </div>
  )
})
