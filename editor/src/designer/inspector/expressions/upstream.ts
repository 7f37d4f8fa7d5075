import type { Playbook } from '../../../../../runtime/format/schema.ts'
import { buildAdjacency } from '../../../../../runtime/graph/adjacency.ts'
import { ancestorsOf } from '../../../../../runtime/graph/reachability.ts'

/**
 * The ids of the nodes upstream of `nodeId` (every node with a path of edges to it), in document
 * order: the only nodes whose output an expression of `nodeId` may read.
 * @example upstreamIds(playbook, 'verdict') // ['alert', 'vt_lookup']
 */
export function upstreamIds(playbook: Pick<Playbook, 'nodes' | 'edges'>, nodeId: string): string[] {
  const graph = buildAdjacency(
    playbook.nodes.map((n) => n.id),
    playbook.edges,
  )
  const ancestors = ancestorsOf(graph, nodeId)
  ancestors.delete(nodeId)
  return playbook.nodes.map((n) => n.id).filter((id) => ancestors.has(id))
}
