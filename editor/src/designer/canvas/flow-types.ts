import type { Edge, Node } from '@xyflow/react'
import type { Note } from '../../../../runtime/format/schema.ts'
import type { NodeOverlay } from '../store/types.ts'

/** How a node differs between two versions (the version diff highlights it). */
export type DiffStatus = 'added' | 'removed' | 'changed'

/** What a playbook node box shows. */
export interface StepData extends Record<string, unknown> {
  nodeId: string
  title: string
  type: string
  version: number
  icon?: string
  /** Output ports, in order: the type's ports for the params, then ports only edges use. */
  ports: string[]
  /** Ports edges leave from that the node does not have (shown as wrong). */
  strayPorts: string[]
  /** False for triggers: they start the run and take no input. */
  hasInput: boolean
  unknownType: boolean
  errors: number
  warnings: number
  overlay?: NodeOverlay
  diff?: DiffStatus
}

export interface NoteData extends Record<string, unknown> {
  note: Note
}

export type StepFlowNode = Node<StepData, 'step'>
export type NoteFlowNode = Node<NoteData, 'note'>
export type CanvasNode = StepFlowNode | NoteFlowNode

export interface PortEdgeData extends Record<string, unknown> {
  port: string
  taken: boolean
}

export type CanvasEdge = Edge<PortEdgeData, 'port'>

/** The handle every node takes its input through. */
export const INPUT_HANDLE = 'in'

/** Canvas ids of notes carry a prefix, so a note and a node may share an id in the file. */
export const NOTE_PREFIX = 'note:'

/**
 * The playbook id behind a canvas id (a node id, or a note id without its prefix).
 * @example itemId('note:note_2') // 'note_2'
 */
export function itemId(canvasId: string): string {
  return canvasId.startsWith(NOTE_PREFIX) ? canvasId.slice(NOTE_PREFIX.length) : canvasId
}
