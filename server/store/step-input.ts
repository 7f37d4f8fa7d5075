import { planOf } from '../../runtime/engine/plan.ts'
import type { RunState } from '../../runtime/engine/types.ts'

/**
 * The upstream nodes whose outputs a node receives as its `input`: sources of its incoming edges that
 * fired the edge's port, as the engine's `inputOf` computes it (from a checkpoint rather than the
 * live edge tracker). Empty for a node the playbook does not have (e.g. a sub-run's node).
 * @example liveUpstream(state, 'enrich') // ['start']
 */
export function liveUpstream(state: RunState, nodeId: string): string[] {
  if (!state.playbook) return []
  let plan: ReturnType<typeof planOf>
  try {
    plan = planOf(state.playbook)
  } catch {
    return []
  }
  const idx = plan.index.get(nodeId)
  if (idx === undefined) return []
  const ids: string[] = []
  for (const e of plan.inEdges[idx]!) {
    const from = plan.ids[plan.edgeFrom[e]!]!
    const ns = state.nodes[from]
    if (ns?.status !== 'succeeded' && ns?.status !== 'failed') continue
    if (ns.ports?.includes(plan.edgePort[e]!) && !ids.includes(from)) ids.push(from)
  }
  return ids
}
