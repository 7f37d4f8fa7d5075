import { describe, expect, it } from 'vitest'
import { e, n, pb } from '../../runtime/engine/test-nodes.ts'
import type { RunState } from '../../runtime/engine/types.ts'
import { buildRetryState } from './retry-state.ts'

/** a → b → c, a → side → side2; the old run failed at c. */
function oldRun(): RunState {
  const playbook = pb(
    [n('a'), n('b'), n('c'), n('side'), n('side2')],
    [e('a', 'b'), e('b', 'c'), e('a', 'side'), e('side', 'side2')],
    { settings: { timeoutMs: 60_000 } },
  )
  const ok = (output: unknown) => ({
    status: 'succeeded' as const,
    attempt: 1,
    output: output as never,
    ports: ['out'],
  })
  return {
    version: 1,
    runId: 'old',
    mode: 'production',
    playbook,
    trigger: { host: 'h' },
    vars: {},
    status: 'failed',
    startedAt: 1,
    finishedAt: 9,
    seq: 12,
    error: { code: 'BOOM', message: 'boom', nodeId: 'c' },
    nodes: {
      a: ok('A'),
      b: ok('B'),
      c: { status: 'failed', attempt: 1, error: { code: 'BOOM', message: 'boom' } },
      side: ok('S'),
      side2: { status: 'cancelled', attempt: 0 },
    },
  }
}

describe('buildRetryState', () => {
  it('keeps what settled before the node, resets the node, its downstream and what did not succeed', () => {
    const state = buildRetryState(oldRun(), { runId: 'new', fromNode: 'b', now: 100 })
    expect(state).toMatchObject({
      runId: 'new',
      status: 'running',
      seq: 0,
      startedAt: 100,
      deadline: 60_100,
      trigger: { host: 'h' },
    })
    expect(state.error).toBeUndefined()
    expect(state.nodes.a).toMatchObject({ status: 'succeeded', output: 'A' })
    expect(state.nodes.side).toMatchObject({ status: 'succeeded', output: 'S' })
    expect(state.nodes.b).toEqual({ status: 'pending', attempt: 0 })
    expect(state.nodes.c).toEqual({ status: 'pending', attempt: 0 })
    expect(state.nodes.side2).toEqual({ status: 'pending', attempt: 0 })
  })

  it('never keeps a node whose predecessor runs again', () => {
    const state = buildRetryState(oldRun(), { runId: 'new', fromNode: 'a', now: 100 })
    expect(Object.values(state.nodes).every((s) => s.status === 'pending')).toBe(true)
  })

  it('refuses an unknown node', () => {
    expect(() => buildRetryState(oldRun(), { runId: 'new', fromNode: 'zz', now: 0 })).toThrow(/no node "zz"/)
  })
})
