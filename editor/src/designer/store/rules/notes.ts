import type { Note, Playbook, Position } from '../../../../../runtime/format/schema.ts'
import { uniqueSlug } from './node-id.ts'
import { applyPatch } from './patch.ts'
import { roundPosition } from './positions.ts'

/**
 * Adds a sticky note at `position`; its id is `note`, `note_2`…, distinct from node ids too so that
 * a selection of ids stays unambiguous.
 * @example addNoteTo(playbook, { x: 0, y: 200 }, 'Escalate to tier 2') // { playbook, id: 'note' }
 */
export function addNoteTo(
  playbook: Playbook,
  position: Position,
  text = '',
): { playbook: Playbook; id: string } {
  const taken = new Set([...playbook.nodes.map((n) => n.id), ...(playbook.notes ?? []).map((n) => n.id)])
  const id = uniqueSlug('note', taken)
  const note: Note = { id, text, ...roundPosition(position) }
  return { id, playbook: { ...playbook, notes: [...(playbook.notes ?? []), note] } }
}

/**
 * Changes one note's fields; `undefined` removes an optional field. Unknown ids change nothing.
 * @example updateNoteIn(playbook, 'note', { text: 'Check the sender' })
 */
export function updateNoteIn(playbook: Playbook, id: string, patch: Partial<Omit<Note, 'id'>>): Playbook {
  if (!playbook.notes?.some((n) => n.id === id)) return playbook
  return {
    ...playbook,
    notes: playbook.notes.map((n) => (n.id === id ? applyPatch(n, patch) : n)),
  }
}
