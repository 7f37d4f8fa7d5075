import { createRunState } from '../../runtime/engine/state.ts'
import type { NodeState, RunState } from '../../runtime/engine/types.ts'
import { buildAdjacency } from '../../runtime/graph/adjacency.ts'
import { reachableFrom } from '../../runtime/graph/reachability.ts'
import { topologicalOrder } from '../../runtime/graph/topo-sort.ts'
import { RunnerError } from './errors.ts'

const REUSABLE: ReadonlySet<NodeState['status']> = new Set(['succeeded', 'skipped'])

/**
 * The state a retry "from a node" continues with `engine.recover`: a fresh run of the old run's
 * playbook and trigger in which nodes that settled before `fromNode` keep their old state (outputs,
 * ports, skips), so they do not run again, while `fromNode`, everything downstream of it, and
 * anything that did not succeed are pending and run.
 *
 * A node is reused when it succeeded or was skipped in the old run, is neither `fromNode` nor
 * downstream of it, and all its predecessors are reused too. That covers `fromNode`'s ancestors and
 * also side branches that already ran (a notification sent on a parallel branch is not sent twice).
 * @example const state = buildRetryState(old.state, { runId: 'r2', fromNode: 'block_ip', now: Date.now() })
 */
export function buildRetryState(
  old: RunState,
  opts: { runId: string; fromNode: string; now: number },
): RunState {
  const { playbook } = old
  const ids = playbook.nodes.map((n) => n.id)
  if (!ids.includes(opts.fromNode))
    throw new RunnerError('INVALID_REQUEST', `playbook "${playbook.id}" has no node "${opts.fromNode}"`)
  const g = buildAdjacency(ids, playbook.edges)
  const downstream = reachableFrom(g, [g.index.get(opts.fromNode)!])
  const { order } = topologicalOrder(g)

  const state = createRunState(playbook, {
    runId: opts.runId,
    mode: old.mode,
    simulate: old.simulate,
    trigger: old.trigger,
    inputs: old.inputs,
    item: old.item,
    now: opts.now,
  })
  const kept = new Uint8Array(ids.length)
  for (const i of order) {
    const prev = old.nodes[ids[i]!]
    if (downstream[i] || !prev || !REUSABLE.has(prev.status)) continue
    if (!g.in[i]!.every((p) => kept[p])) continue
    kept[i] = 1
    state.nodes[ids[i]!] = structuredClone(prev)
  }
  return state
}
