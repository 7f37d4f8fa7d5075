import type { Playbook } from '../../../../../runtime/format/schema.ts'

/**
 * Deletes the nodes with these ids (with their edges and layout entries) and the notes with these
 * ids. Unknown ids are ignored; the same playbook comes back when nothing matched.
 * @example removeItems(playbook, ['ip_info', 'note']).edges // no edge touches ip_info any more
 */
export function removeItems(playbook: Playbook, ids: readonly string[]): Playbook {
  const gone = new Set(ids)
  const nodes = playbook.nodes.filter((n) => !gone.has(n.id))
  const notes = playbook.notes?.filter((n) => !gone.has(n.id))
  const notesChanged = notes !== undefined && notes.length !== playbook.notes?.length
  if (nodes.length === playbook.nodes.length && !notesChanged) return playbook
  const layout = { ...playbook.layout }
  for (const id of ids) delete layout[id]
  const next: Playbook = {
    ...playbook,
    nodes,
    edges: playbook.edges.filter((e) => !gone.has(e.from) && !gone.has(e.to)),
    layout,
  }
  if (notesChanged) {
    if (notes.length > 0) next.notes = notes
    else delete next.notes
  }
  return next
}
