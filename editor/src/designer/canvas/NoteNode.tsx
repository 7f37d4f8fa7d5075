import type { NodeProps } from '@xyflow/react'
import { memo, useContext } from 'react'
import { CanvasContext } from './canvas-context.ts'
import type { NoteFlowNode } from './flow-types.ts'
import { noteSize } from './node-geometry.ts'

/**
 * A sticky note: editable text on the canvas (read-only text in a read-only canvas). Dragged by its
 * border strip; the text area is not a drag handle so text can be selected.
 */
export const NoteNode = memo(function NoteNode({ data, selected }: NodeProps<NoteFlowNode>) {
  const { store, readOnly } = useContext(CanvasContext)
  const { note } = data
  const style = noteSize(note)
  return (
    <div className="note-node" style={style} data-selected={selected || undefined} data-color={note.color}>
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
