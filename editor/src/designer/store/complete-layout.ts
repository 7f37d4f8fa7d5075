import type { Playbook, Position } from '../../../../runtime/format/schema.ts'
import { autoLayout } from '../layout/auto-layout.ts'

/** Spacing of nodes placed because the file gave them no position. */
const COLUMN = 260
const ROW = 140

/**
 * Gives every node a position: a playbook without any layout is laid out automatically; nodes
 * missing from an existing layout go in a row below it. The same playbook comes back when nothing
 * was missing.
 * @example completeLayout({ ...playbook, layout: undefined }).layout // every node placed
 */
export function completeLayout(playbook: Playbook): Playbook {
  const layout = playbook.layout ?? {}
  const missing = playbook.nodes.filter((n) => !layout[n.id])
  if (missing.length === 0 && playbook.layout) return playbook
  const placed = Object.values(layout)
  if (placed.length === 0 || missing.length === playbook.nodes.length)
    return { ...playbook, layout: { ...layout, ...autoLayout(playbook) } }
  const left = Math.min(...placed.map((p) => p.x))
  const below = Math.max(...placed.map((p) => p.y)) + ROW
  const next: Record<string, Position> = { ...layout }
  missing.forEach((n, i) => {
    next[n.id] = { x: left + i * COLUMN, y: below }
  })
  return { ...playbook, layout: next }
}
