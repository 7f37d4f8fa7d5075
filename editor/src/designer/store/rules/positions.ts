import type { Note, Playbook, Position } from '../../../../../runtime/format/schema.ts'

/** Where new things go when nothing says otherwise. */
export const ORIGIN: Position = { x: 0, y: 0 }

/**
 * A position in whole pixels: the file's layout lines stay short and stable in git diffs.
 * @example roundPosition({ x: 149.703125, y: -0.4 }) // { x: 150, y: 0 }
 */
export function roundPosition(p: Position): Position {
  return { x: Math.round(p.x) || 0, y: Math.round(p.y) || 0 }
}

/**
 * Moves nodes (their layout entries) and notes (their `x`/`y`) to new positions, in whole pixels;
 * ids that are neither are ignored, and the same playbook comes back when nothing moved.
 * @example moveItems(playbook, { ip_info: { x: 300, y: 40 } }).layout.ip_info // { x: 300, y: 40 }
 */
export function moveItems(playbook: Playbook, positions: Readonly<Record<string, Position>>): Playbook {
  const nodeIds = new Set(playbook.nodes.map((n) => n.id))
  const layout = { ...playbook.layout }
  let notes: Note[] | undefined = playbook.notes
  let moved = false
  for (const [id, pos] of Object.entries(positions)) {
    const at = roundPosition(pos)
    if (nodeIds.has(id)) {
      const was = layout[id]
      if (was?.x === at.x && was.y === at.y) continue
      layout[id] = at
      moved = true
    } else {
      const note = notes?.find((n) => n.id === id)
      if (!note || (note.x === at.x && note.y === at.y)) continue
      notes = notes!.map((n) => (n.id === id ? { ...n, ...at } : n))
      moved = true
    }
  }
  if (!moved) return playbook
  const next: Playbook = { ...playbook, layout }
  if (notes) next.notes = notes
  return next
}

/**
 * The top-left corner of a set of positions (the origin when empty).
 * @example topLeft([{ x: 10, y: 50 }, { x: 40, y: 20 }]) // { x: 10, y: 20 }
 */
export function topLeft(points: readonly Position[]): Position {
  if (points.length === 0) return ORIGIN
  return {
    x: Math.min(...points.map((p) => p.x)),
    y: Math.min(...points.map((p) => p.y)),
  }
}
