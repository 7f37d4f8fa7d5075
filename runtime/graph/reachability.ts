import type { Adjacency } from './adjacency.ts'
import { topologicalOrder } from './topo-sort.ts'

/**
 * Marks every node reachable from `starts` by following edges forward (the starts included).
 * @example reachableFrom(g, [g.index.get('trigger')!]) // Uint8Array, 1 where reachable
 */
export function reachableFrom(g: Adjacency, starts: readonly number[]): Uint8Array {
  return bfs(g.out, g.ids.length, starts)
}

/** Ids of the ancestors of `id` (nodes with a path to it), by reverse BFS; `id` itself only on a cycle. */
export function ancestorsOf(g: Adjacency, id: string): Set<string> {
  const v = g.index.get(id)
  const out = new Set<string>()
  if (v === undefined) return out
  const seen = bfs(g.in, g.ids.length, g.in[v]!)
  for (let i = 0; i < seen.length; i++) if (seen[i]) out.add(g.ids[i]!)
  return out
}

function bfs(next: readonly number[][], n: number, starts: readonly number[]): Uint8Array {
  const seen = new Uint8Array(n)
  const queue: number[] = []
  for (const s of starts) {
    if (seen[s]) continue
    seen[s] = 1
    queue.push(s)
  }
  for (let head = 0; head < queue.length; head++) {
    for (const w of next[queue[head]!]!) {
      if (seen[w]) continue
      seen[w] = 1
      queue.push(w)
    }
  }
  return seen
}

/** A question for `areAncestors`: is `ancestor` upstream of `node`? */
export interface AncestryQuery {
  node: string
  ancestor: string
}

/** Distinct ancestors handled per pass; bounds memory at nodes × BLOCK / 8 bytes. */
const BLOCK = 1024

/**
 * Answers many "is X upstream of Y" questions at once without building full ancestor sets.
 * Cheap cases are settled first: an ancestor later in topological order (no), a direct predecessor
 * (yes). For the rest, only the distinct ancestors asked about are tracked: a bitset per node over
 * those, propagated once along the topological order, in blocks of 1,024 ancestors. Cost
 * O((nodes + edges) × ⌈k / 32⌉) for k distinct ancestors left; with the usual handful (trigger, a few
 * lookups) that is linear. Nodes on or after a cycle fall back to a reverse BFS per node.
 * @example areAncestors(g, [{ node: 'c', ancestor: 'a' }]) // [true] for a → b → c
 */
export function areAncestors(g: Adjacency, queries: readonly AncestryQuery[]): boolean[] {
  const answers: boolean[] = queries.map(() => false)
  if (queries.length === 0) return answers
  const n = g.ids.length
  const { order } = topologicalOrder(g)
  const pos = new Int32Array(n).fill(-1)
  order.forEach((v, i) => {
    pos[v] = i
  })
  const open: { qi: number; v: number; a: number }[] = []
  const cyclic: { qi: number; v: number; a: number }[] = []
  queries.forEach((q, qi) => {
    const v = g.index.get(q.node)
    const a = g.index.get(q.ancestor)
    if (v === undefined || a === undefined) return
    if (pos[v] === -1) cyclic.push({ qi, v, a })
    else if (pos[a] === -1 || pos[a]! >= pos[v]!) return
    else if (g.in[v]!.includes(a)) answers[qi] = true
    else open.push({ qi, v, a })
  })
  const targets = [...new Set(open.map((q) => q.a))].sort((x, y) => pos[x]! - pos[y]!)
  const slot = new Int32Array(n).fill(-1)
  for (let base = 0; base < targets.length; base += BLOCK) {
    const block = targets.slice(base, base + BLOCK)
    const words = Math.ceil(block.length / 32)
    const bits = new Uint32Array(n * words)
    block.forEach((t, i) => {
      slot[t] = i
    })
    // Nothing before the block's first target in topological order can have one upstream.
    for (let i = pos[block[0]!]!; i < order.length; i++) {
      const v = order[i]!
      const vo = v * words
      for (const u of g.in[v]!) {
        const uo = u * words
        for (let w = 0; w < words; w++) bits[vo + w]! |= bits[uo + w]!
        const s = slot[u]!
        if (s >= 0) bits[vo + (s >>> 5)]! |= 1 << (s & 31)
      }
    }
    for (const q of open) {
      const s = slot[q.a]!
      if (s >= 0) answers[q.qi] = (bits[q.v * words + (s >>> 5)]! & (1 << (s & 31))) !== 0
    }
    for (const t of block) slot[t] = -1
  }
  const memo = new Map<number, Set<string>>()
  for (const q of cyclic) {
    let set = memo.get(q.v)
    if (!set) {
      set = ancestorsOf(g, g.ids[q.v]!)
      memo.set(q.v, set)
    }
    answers[q.qi] = set.has(g.ids[q.a]!)
  }
  return answers
}
