/**
 * Index-based adjacency lists over string ids. Every graph algorithm in this folder works on node
 * indices (dense integers) so that the hot loops touch arrays, not maps.
 */

/** A directed edge between two ids. */
export interface GraphEdge {
  from: string
  to: string
}

/** Adjacency lists: `out[i]`/`in[i]` hold the indices of successors/predecessors of `ids[i]`. */
export interface Adjacency {
  ids: readonly string[]
  index: ReadonlyMap<string, number>
  out: readonly number[][]
  in: readonly number[][]
}

/**
 * Builds adjacency lists. Edges whose endpoints are not in `ids` are ignored (the validator reports
 * them as dangling); a repeated id keeps its first index.
 * @example const g = buildAdjacency(['a', 'b'], [{ from: 'a', to: 'b' }]) // g.out[0] = [1]
 */
export function buildAdjacency(ids: readonly string[], edges: readonly GraphEdge[]): Adjacency {
  const index = new Map<string, number>()
  const unique: string[] = []
  for (const id of ids) {
    if (index.has(id)) continue
    index.set(id, unique.length)
    unique.push(id)
  }
  const out: number[][] = unique.map(() => [])
  const inn: number[][] = unique.map(() => [])
  for (const e of edges) {
    const f = index.get(e.from)
    const t = index.get(e.to)
    if (f === undefined || t === undefined) continue
    out[f]!.push(t)
    inn[t]!.push(f)
  }
  return { ids: unique, index, out, in: inn }
}
