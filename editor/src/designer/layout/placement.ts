import type { Playbook, Position } from '../../../../runtime/format/schema.ts'
import { DEFAULT_NODE_SIZE } from './auto-layout.ts'

/** Horizontal step from a node to the one placed beside it. */
const BESIDE = DEFAULT_NODE_SIZE.width + 40
/** Vertical step while looking for a free spot. */
const BELOW = DEFAULT_NODE_SIZE.height + 24

/**
 * Where a node added by click goes: to the right of the selected node furthest right, or at
 * `fallback` (the middle of the view) without a selection; moved down until it overlaps no box.
 * @example placeBeside(playbook, ['alert'], { x: 0, y: 0 }) // { x: 260, y: 0 } when alert is at 0,0
 */
export function placeBeside(playbook: Playbook, selection: readonly string[], fallback: Position): Position {
  const layout = playbook.layout ?? {}
  let anchor: Position | undefined
  for (const id of selection) {
    const at = layout[id]
    if (at && (!anchor || at.x > anchor.x)) anchor = at
  }
  const spot = anchor ? { x: anchor.x + BESIDE, y: anchor.y } : { x: fallback.x, y: fallback.y }
  const boxes = Object.values(layout)
  const overlaps = (p: Position) =>
    boxes.some(
      (b) => Math.abs(b.x - p.x) < DEFAULT_NODE_SIZE.width && Math.abs(b.y - p.y) < DEFAULT_NODE_SIZE.height,
    )
  for (let tries = 0; tries < 100 && overlaps(spot); tries++) spot.y += BELOW
  return spot
}
