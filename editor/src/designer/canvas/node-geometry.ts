import { type NodeHandle, Position } from '@xyflow/react'
import type { Note } from '../../../../runtime/format/schema.ts'
import { INPUT_HANDLE, type StepData } from './flow-types.ts'

/**
 * The exact size of a node box and where its handles are, computed instead of measured: boxes have
 * fixed row heights (canvas.css uses the same numbers), so React Flow needs no DOM measuring, the
 * canvas can draw only the boxes in view from the first frame, and a 500-node playbook opens fast.
 */
export const STEP = {
  width: 220,
  border: 1,
  head: 30,
  meta: 34,
  status: 20,
  /** Border above the port rows plus their top padding; the same padding below. */
  portsTop: 3,
  portsBottom: 2,
  portRow: 20,
  handle: 10,
} as const

export const NOTE_SIZE = { width: 200, height: 120 } as const

/** Whether a node shows its ports as labelled rows (else one unlabelled `out` handle, centred). */
export function hasPortRows(data: Pick<StepData, 'ports'>): boolean {
  return !(data.ports.length === 1 && data.ports[0] === 'out')
}

/**
 * Size and handles of a playbook node box for its data.
 * @example stepGeometry(data).measured // { width: 220, height: 134 } for an if node
 */
export function stepGeometry(data: Pick<StepData, 'ports' | 'hasInput' | 'overlay'>): {
  measured: { width: number; height: number }
  handles: NodeHandle[]
} {
  const rows = hasPortRows(data)
  const top = STEP.border + STEP.head + STEP.meta + (data.overlay ? STEP.status : 0)
  const height =
    top + (rows ? STEP.portsTop + data.ports.length * STEP.portRow + STEP.portsBottom : 0) + STEP.border
  const half = STEP.handle / 2
  const handles: NodeHandle[] = []
  if (data.hasInput)
    handles.push({
      id: INPUT_HANDLE,
      type: 'target',
      position: Position.Left,
      x: STEP.border - half,
      y: height / 2 - half,
      width: STEP.handle,
      height: STEP.handle,
    })
  data.ports.forEach((port, i) => {
    const centre = rows ? top + STEP.portsTop + i * STEP.portRow + STEP.portRow / 2 : height / 2
    handles.push({
      id: port,
      type: 'source',
      position: Position.Right,
      x: STEP.width - STEP.border - half,
      y: centre - half,
      width: STEP.handle,
      height: STEP.handle,
    })
  })
  return { measured: { width: STEP.width, height }, handles }
}

/** The size of a sticky note box. */
export function noteSize(note: Note): { width: number; height: number } {
  return { width: note.width ?? NOTE_SIZE.width, height: note.height ?? NOTE_SIZE.height }
}
