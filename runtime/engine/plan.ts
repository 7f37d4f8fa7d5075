import { DEFAULT_PORT, type Playbook, type PlaybookNode } from '../format/schema.ts'

/**
 * The graph of a playbook as integer-indexed arrays, computed once per playbook object so a run
 * never scans the node or edge lists per step.
 */
export interface Plan {
  ids: string[]
  index: Map<string, number>
  nodes: PlaybookNode[]
  /** Per node: indices of incoming / outgoing edges. */
  inEdges: number[][]
  outEdges: number[][]
  edgeFrom: Int32Array
  edgeTo: Int32Array
  edgePort: string[]
  joinAny: Uint8Array
  /** Nodes without incoming edges, in file order. */
  roots: number[]
}

const plans = new WeakMap<Playbook, Plan>()

/**
 * Builds (or returns the cached) plan of a valid playbook.
 * @example const plan = planOf(playbook); plan.outEdges[plan.index.get('a')!]
 */
export function planOf(playbook: Playbook): Plan {
  const hit = plans.get(playbook)
  if (hit) return hit
  const nodes = playbook.nodes
  const n = nodes.length
  const ids = new Array<string>(n)
  const index = new Map<string, number>()
  const joinAny = new Uint8Array(n)
  const inEdges: number[][] = new Array(n)
  const outEdges: number[][] = new Array(n)
  for (let i = 0; i < n; i++) {
    const node = nodes[i] as PlaybookNode
    ids[i] = node.id
    index.set(node.id, i)
    joinAny[i] = node.join === 'any' ? 1 : 0
    inEdges[i] = []
    outEdges[i] = []
  }
  const m = playbook.edges.length
  const edgeFrom = new Int32Array(m)
  const edgeTo = new Int32Array(m)
  const edgePort = new Array<string>(m)
  for (let e = 0; e < m; e++) {
    const edge = playbook.edges[e]!
    const from = index.get(edge.from)
    const to = index.get(edge.to)
    if (from === undefined || to === undefined)
      throw new Error(`edge ${edge.from} -> ${edge.to} names an unknown node`)
    edgeFrom[e] = from
    edgeTo[e] = to
    edgePort[e] = edge.port ?? DEFAULT_PORT
    outEdges[from]!.push(e)
    inEdges[to]!.push(e)
  }
  const roots: number[] = []
  for (let i = 0; i < n; i++) if (inEdges[i]!.length === 0) roots.push(i)
  const plan: Plan = { ids, index, nodes, inEdges, outEdges, edgeFrom, edgeTo, edgePort, joinAny, roots }
  plans.set(playbook, plan)
  return plan
}
