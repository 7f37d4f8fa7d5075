import type { Adjacency } from './adjacency.ts'

/**
 * Strongly connected components by Tarjan's algorithm, written with an explicit stack so that a
 * 10,000-long chain does not overflow the call stack. Returns components as index lists.
 */
export function stronglyConnected(g: Adjacency): number[][] {
  const n = g.ids.length
  const index = new Int32Array(n).fill(-1)
  const low = new Int32Array(n)
  const onStack = new Uint8Array(n)
  const stack: number[] = []
  const components: number[][] = []
  const callStack: number[] = []
  const edgePos = new Uint32Array(n)
  let counter = 0
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue
    callStack.push(root)
    index[root] = low[root] = counter++
    stack.push(root)
    onStack[root] = 1
    while (callStack.length > 0) {
      const v = callStack[callStack.length - 1]!
      const succ = g.out[v]!
      if (edgePos[v]! < succ.length) {
        const w = succ[edgePos[v]!++]!
        if (index[w] === -1) {
          index[w] = low[w] = counter++
          stack.push(w)
          onStack[w] = 1
          callStack.push(w)
        } else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!)
        continue
      }
      callStack.pop()
      const parent = callStack[callStack.length - 1]
      if (parent !== undefined) low[parent] = Math.min(low[parent]!, low[v]!)
      if (low[v] === index[v]) {
        const comp: number[] = []
        let w: number
        do {
          w = stack.pop()!
          onStack[w] = 0
          comp.push(w)
        } while (w !== v)
        components.push(comp)
      }
    }
  }
  return components
}

/**
 * Finds the cycles of a graph: one per strongly connected component that has one (self-loops
 * included), each as a closed walk of ids such as `['a', 'b', 'c', 'a']` (the shortest cycle
 * through the component's first node). O(nodes + edges).
 * @example findCycles(buildAdjacency(['a', 'b'], [{ from: 'a', to: 'b' }, { from: 'b', to: 'a' }])) // [['a', 'b', 'a']]
 */
export function findCycles(g: Adjacency): string[][] {
  const cyclic = stronglyConnected(g).filter((c) => c.length > 1 || g.out[c[0]!]!.includes(c[0]!))
  if (cyclic.length === 0) return []
  const comp = new Int32Array(g.ids.length).fill(-1)
  cyclic.forEach((c, ci) => {
    for (const v of c) comp[v] = ci
  })
  const parent = new Int32Array(g.ids.length).fill(-1)
  return cyclic.map((c, ci) => {
    let start = c[0]!
    for (const v of c) if (v < start) start = v
    return shortestCycle(g, start, ci, comp, parent).map((i) => g.ids[i]!)
  })
}

/** BFS inside one component from `start` back to `start`. */
function shortestCycle(
  g: Adjacency,
  start: number,
  ci: number,
  comp: Int32Array,
  parent: Int32Array,
): number[] {
  const queue = [start]
  const seen = new Set<number>([start])
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head]!
    for (const w of g.out[v]!) {
      if (w === start) {
        const path = [start]
        for (let u = v; u !== start; u = parent[u]!) path.push(u)
        path.push(start)
        path.reverse()
        return path
      }
      if (comp[w] !== ci || seen.has(w)) continue
      seen.add(w)
      parent[w] = v
      queue.push(w)
    }
  }
  return [start, start]
}
