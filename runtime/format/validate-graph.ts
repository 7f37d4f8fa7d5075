import { type Adjacency, buildAdjacency, type GraphEdge } from '../graph/adjacency.ts'
import { findCycles } from '../graph/cycles.ts'
import { reachableFrom } from '../graph/reachability.ts'
import type { LooseNode, LooseView } from './loose-view.ts'
import { error, jsonPath, type Problem, quote, warning } from './problems.ts'
import { DEFAULT_PORT } from './schema.ts'

/** What the graph checks found, and the graph they built (reused by the expression checks). */
export interface GraphCheck {
  problems: Problem[]
  graph: Adjacency
  /** First node with each id. */
  byId: Map<string, LooseNode>
}

/**
 * Checks how nodes and edges fit together: `DUPLICATE_ID` (nodes and notes), `DANGLING_EDGE`,
 * `SELF_LOOP`, `DUPLICATE_EDGE`, `CYCLE` (naming the nodes, `a → b → a`), `LAYOUT_UNKNOWN_NODE`, and,
 * when the trigger nodes are known, `MULTIPLE_TRIGGERS` and `UNREACHABLE`. Linear in nodes + edges.
 * @example validateGraph(looseView(raw), ['alert']).problems
 */
export function validateGraph(view: LooseView, triggerIds?: readonly string[]): GraphCheck {
  const problems: Problem[] = []
  const byId = new Map<string, LooseNode>()
  for (const node of view.nodes) {
    const first = byId.get(node.id)
    if (first) {
      const message = `duplicate node id "${node.id}" (first used at ${jsonPath(['nodes', first.index])})`
      problems.push(error('DUPLICATE_ID', message, jsonPath(['nodes', node.index, 'id']), node.id))
    } else byId.set(node.id, node)
  }
  const noteIds = new Map<string, number>()
  for (const note of view.notes) {
    const first = noteIds.get(note.id)
    if (first === undefined) noteIds.set(note.id, note.index)
    else {
      const message = `duplicate note id "${note.id}" (first used at ${jsonPath(['notes', first])})`
      problems.push(error('DUPLICATE_ID', message, jsonPath(['notes', note.index, 'id'])))
    }
  }

  const kept: GraphEdge[] = []
  const edgeAt = new Map<string, number>()
  const seen = new Map<string, number>()
  for (const e of view.edges) {
    if (e.from === undefined || e.to === undefined) continue
    let dangling = false
    for (const end of ['from', 'to'] as const) {
      const id = e[end]!
      if (byId.has(id)) continue
      dangling = true
      const message = `edge ${end} unknown node ${quote(id)}`
      problems.push(error('DANGLING_EDGE', message, jsonPath(['edges', e.index, end])))
    }
    if (dangling) continue
    if (e.from === e.to) {
      const message = `edge from "${e.from}" to itself: a node cannot feed its own input`
      problems.push(error('SELF_LOOP', message, jsonPath(['edges', e.index]), e.from))
      continue
    }
    const port = e.port ?? DEFAULT_PORT
    const key = `${e.from}\u0000${port}\u0000${e.to}`
    const first = seen.get(key)
    if (first !== undefined) {
      const message = `duplicate edge ${e.from} -[${port}]→ ${e.to} (first at ${jsonPath(['edges', first])})`
      problems.push(error('DUPLICATE_EDGE', message, jsonPath(['edges', e.index]), e.from))
      continue
    }
    seen.set(key, e.index)
    const pair = `${e.from}\u0000${e.to}`
    if (!edgeAt.has(pair)) edgeAt.set(pair, e.index)
    kept.push({ from: e.from, to: e.to })
  }

  const graph = buildAdjacency(
    view.nodes.map((n) => n.id),
    kept,
  )
  for (const cycle of findCycles(graph)) {
    const closing = edgeAt.get(`${cycle.at(-2)}\u0000${cycle[0]}`)
    const path = closing === undefined ? '$.edges' : jsonPath(['edges', closing])
    problems.push(error('CYCLE', `cycle: ${cycle.join(' → ')}`, path, cycle[0]))
  }

  for (const key of view.layoutKeys)
    if (!byId.has(key))
      problems.push(
        warning(
          'LAYOUT_UNKNOWN_NODE',
          `layout entry for unknown node ${quote(key)}`,
          jsonPath(['layout', key]),
        ),
      )

  if (triggerIds && triggerIds.length > 1) {
    const list = triggerIds.join(', ')
    for (const id of triggerIds.slice(1)) {
      const message = `playbook has ${triggerIds.length} triggers (${list}); it must start from exactly one`
      problems.push(error('MULTIPLE_TRIGGERS', message, jsonPath(['nodes', byId.get(id)!.index]), id))
    }
  }
  if (triggerIds && triggerIds.length > 0) {
    const reached = reachableFrom(
      graph,
      triggerIds.map((id) => graph.index.get(id)!),
    )
    for (const node of byId.values()) {
      if (reached[graph.index.get(node.id)!]) continue
      const message = `node "${node.id}" is not reachable from the trigger and will never run`
      problems.push(warning('UNREACHABLE', message, jsonPath(['nodes', node.index]), node.id))
    }
  }
  return { problems, graph, byId }
}
