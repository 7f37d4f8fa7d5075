import type { Playbook } from '../format/schema.ts'
import type { Json, RunMode } from '../node-type.ts'
import type { NodeState, NodeStatus, RunState, SimulateOptions } from './types.ts'

/** Statuses after which a node never changes again within a run. */
export const TERMINAL: ReadonlySet<NodeStatus> = new Set(['succeeded', 'failed', 'skipped', 'cancelled'])

/** What a new run starts from. */
export interface NewRunInit {
  runId: string
  mode: RunMode
  simulate?: SimulateOptions
  trigger: unknown
  vars?: Record<string, unknown>
  inputs?: Record<string, unknown>
  item?: unknown
  now: number
}

/**
 * A fresh run state: every node pending, plain JSON only (the trigger, vars and inputs are expected
 * to be JSON already; `undefined` becomes null).
 * @example createRunState(playbook, { runId: 'r1', mode: 'test', trigger: {}, now: 0 })
 */
export function createRunState(playbook: Playbook, init: NewRunInit): RunState {
  const nodes: Record<string, NodeState> = {}
  for (const node of playbook.nodes) nodes[node.id] = { status: 'pending', attempt: 0 }
  const timeoutMs = playbook.settings?.timeoutMs
  const state: RunState = {
    version: 1,
    runId: init.runId,
    mode: init.mode,
    playbook,
    trigger: (init.trigger ?? null) as Json,
    vars: { ...(playbook.vars ?? {}), ...(init.vars ?? {}) } as Record<string, Json>,
    status: 'running',
    startedAt: init.now,
    seq: 0,
    nodes,
  }
  if (init.mode === 'test' && init.simulate) state.simulate = init.simulate
  if (init.inputs !== undefined) state.inputs = init.inputs as Record<string, Json>
  if (init.item !== undefined) state.item = init.item as Json
  if (timeoutMs !== undefined) state.deadline = init.now + timeoutMs
  return state
}

/**
 * Checks that a state can be resumed at a node; throws a plain Error naming what is wrong.
 * @example assertResumable(state, 'approve')
 */
export function assertResumable(state: RunState, nodeId: string): void {
  if (state?.version !== 1 || typeof state.nodes !== 'object')
    throw new Error('not a run state (expected version 1)')
  const node = state.nodes[nodeId]
  if (!node) throw new Error(`run ${state.runId} has no node "${nodeId}"`)
  if (state.status !== 'waiting')
    throw new Error(`run ${state.runId} is ${state.status}, not waiting: only a waiting run can be resumed`)
  if (node.status !== 'waiting')
    throw new Error(
      `node "${nodeId}" of run ${state.runId} is ${node.status}, not waiting: it cannot be resumed`,
    )
}
