import type { StoreApi } from 'zustand'
import type { Problem } from '../../../../runtime/format/problems.ts'
import type { Note, Playbook, PlaybookNode, Position } from '../../../../runtime/format/schema.ts'
import type { NodeRegistry } from '../../../../runtime/node-type.ts'

/**
 * The contract of one open playbook's designer store (one store per open playbook, made by
 * `createDesignerStore`). The canvas, the palette, the inspector and the run panel all read and
 * change the playbook only through it; graph rules live in pure functions beside it.
 */

/** What a node shows during or after a run (live trace or a past run's overlay). */
export type NodeRunStatus =
  | 'running'
  | 'succeeded'
  | 'failed'
  | 'skipped'
  | 'waiting'
  | 'simulated'
  | 'cancelled'

export interface NodeOverlay {
  status: NodeRunStatus
  /** Milliseconds from start to end, once ended. */
  durationMs?: number
  attempt?: number
  error?: { code?: string; message: string }
  /** The output port the node took (lights up the edges leaving it). */
  port?: string
}

/** A run shown on the canvas: node states and the edges that carried data. */
export interface RunOverlay {
  runId: string
  status: string
  nodes: Record<string, NodeOverlay>
  /** Edge keys `from:port->to` that were taken. */
  takenEdges: string[]
}

/** Why a change was refused (e.g. a connection that would close a cycle), shown to the user. */
export interface Refusal {
  code:
    | 'CYCLE'
    | 'UNKNOWN_PORT'
    | 'SELF_LOOP'
    | 'DUPLICATE_EDGE'
    | 'SECOND_TRIGGER'
    | 'INTO_TRIGGER'
    | 'INVALID'
  message: string
}

/** A short message for the status line: a refused change, a paste that failed, a save that worked. */
export interface Notice {
  /** Grows with every notice, so the same message twice still shows twice. */
  id: number
  tone: 'info' | 'success' | 'error'
  message: string
}

export interface DesignerState {
  /** The document being edited: always a structurally complete playbook (layout included). */
  playbook: Playbook
  registry: NodeRegistry
  /** Selected node ids (multi-select). */
  selection: string[]
  /** Validation problems of the current document (errors and warnings), recomputed after each change. */
  problems: Problem[]
  /** True when the document differs from the last saved draft. */
  dirty: boolean
  overlay: RunOverlay | null
  /** The latest message for the status line (refusals are posted here too), until cleared. */
  notice: Notice | null
  /** Can undo / redo. */
  canUndo: boolean
  canRedo: boolean

  /**
   * Adds a node of `type@version` (default params from its schema) at `position`, selects it and
   * returns its new slug id; returns '' when refused (a second trigger), with the reason in `notice`.
   */
  addNode(type: string, version: number, position: Position): string
  /** Changes a node's fields (params, name, retry, timeoutMs, onError…); one undo step. */
  updateNode(id: string, patch: Partial<Omit<PlaybookNode, 'id'>>): void
  /** Changes playbook-level fields (name, description, tags, rules, inputs, outputs, vars, settings; `undefined` removes one); one undo step. */
  updatePlaybook(
    patch: Partial<Omit<Playbook, 'format' | 'id' | 'nodes' | 'edges' | 'layout' | 'notes'>>,
  ): void
  /** Renames a node id (edges, layout and expressions that reference it follow); a refusal is also posted to `notice`. */
  renameNode(id: string, next: string): Refusal | null
  /** Connects `from`'s output `port` to `to`; refused with a reason when the graph rules forbid it (also posted to `notice`). */
  connect(from: string, port: string, to: string): Refusal | null
  removeEdge(from: string, port: string, to: string): void
  /** Deletes the nodes (and their edges) or notes with these ids. */
  remove(ids: string[]): void
  /** Moves nodes (layout) and notes (their `x`/`y`; note ids work too); one undo step. */
  moveNodes(positions: Record<string, Position>): void
  /** Adds a sticky note at `position`; returns its id. Notes live in `playbook.notes`. */
  addNote(position: Position, text?: string): string
  updateNote(id: string, patch: Partial<Omit<Note, 'id'>>): void
  select(ids: string[]): void
  /** Copies the selection as canonical JSON text (for the clipboard, also between playbooks). */
  copySelection(): string
  /**
   * Pastes nodes and edges from copied JSON text, renaming clashing ids, and selects them; returns
   * the new ids ([] for text that is not copied nodes, with the reason in `notice`).
   */
  paste(text: string, at?: Position): string[]
  duplicateSelection(): string[]
  undo(): void
  redo(): void
  /** Replaces the whole document (import, load a version); one undo step. */
  replace(playbook: Playbook): void
  /** Marks the current document as saved, or `saved` (the snapshot that was sent) when given. */
  markSaved(saved?: Playbook): void
  setOverlay(overlay: RunOverlay | null): void
  /** Runs several changes as one undo step (e.g. deleting edges and nodes together); nests. */
  batch(changes: () => void): void
  /** Posts a message to the status line. */
  notify(message: string, tone?: Notice['tone']): void
  clearNotice(): void
}

export type DesignerStore = StoreApi<DesignerState>
