import { Graph, layout } from '@dagrejs/dagre'
import type { Playbook, Position } from '../../../../runtime/format/schema.ts'

/** A node's size on the canvas; nodes not yet measured use `DEFAULT_NODE_SIZE`. */
export interface Size {
  width: number
  height: number
}

export const DEFAULT_NODE_SIZE: Size = { width: 220, height: 76 }

/** Space between columns (ranks) and between nodes in a column. */
const RANK_GAP = 80
const NODE_GAP = 40

/**
 * Positions every node left to right along the edges (dagre), as top-left corners. Nodes keep their
 * relative order where the graph allows; notes are not moved. Deterministic for a given playbook.
 * @example autoLayout(playbook).alert // { x: 0, y: 120 }
 */
export function autoLayout(
  playbook: Pick<Playbook, 'nodes' | 'edges'>,
  sizes: Readonly<Record<string, Size>> = {},
): Record<string, Position> {
  const g = new Graph({ multigraph: true })
  g.setGraph({ rankdir: 'LR', ranksep: RANK_GAP, nodesep: NODE_GAP, marginx: 0, marginy: 0 })
  g.setDefaultEdgeLabel(() => ({}))
  const ids = new Set<string>()
  for (const node of playbook.nodes) {
    if (ids.has(node.id)) continue
    ids.add(node.id)
    const size = sizes[node.id] ?? DEFAULT_NODE_SIZE
    g.setNode(node.id, { width: size.width, height: size.height })
  }
  playbook.edges.forEach((e, i) => {
    if (ids.has(e.from) && ids.has(e.to) && e.from !== e.to) g.setEdge(e.from, e.to, {}, `e${i}`)
  })
  layout(g)
  const out: Record<string, Position> = {}
  for (const id of ids) {
    const n = g.node(id)
    const size = sizes[id] ?? DEFAULT_NODE_SIZE
    out[id] = { x: Math.round(n.x - size.width / 2), y: Math.round(n.y - size.height / 2) }
  }
  return out
}
