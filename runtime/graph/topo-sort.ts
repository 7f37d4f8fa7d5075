import type { Adjacency } from './adjacency.ts'

/** The result of a topological sort: `order` holds every node not on or after a cycle. */
export interface TopoResult {
  /** Indices in topological order (Kahn: sources first, ties in id order of appearance). */
  order: number[]
  /** Indices that could not be ordered: on a cycle or downstream of one. Empty for a DAG. */
  blocked: number[]
}

/**
 * Topological order by Kahn's algorithm: iterative, O(nodes + edges), safe for very long chains.
 * @example topologicalOrder(buildAdjacency(['a', 'b'], [{ from: 'b', to: 'a' }])).order // [1, 0]
 */
export function topologicalOrder(g: Adjacency): TopoResult {
  const n = g.ids.length
  const indegree = new Uint32Array(n)
  for (let v = 0; v < n; v++) indegree[v] = g.in[v]!.length
  const order: number[] = []
  for (let v = 0; v < n; v++) if (indegree[v] === 0) order.push(v)
  // `order` doubles as the queue: its tail is the frontier.
  for (let head = 0; head < order.length; head++) {
    for (const w of g.out[order[head]!]!) {
      indegree[w]!--
      if (indegree[w] === 0) order.push(w)
    }
  }
  const blocked: number[] = []
  if (order.length < n) for (let v = 0; v < n; v++) if (indegree[v]! > 0) blocked.push(v)
  return { order, blocked }
}

/** Ids in topological order, or undefined if the graph has a cycle. */
export function topologicalIds(g: Adjacency): string[] | undefined {
  const { order, blocked } = topologicalOrder(g)
  return blocked.length > 0 ? undefined : order.map((i) => g.ids[i]!)
}
