import { describe, expect, it } from 'vitest'
import { assertResumable, createRunState } from './state.ts'
import { n, pb } from './test-nodes.ts'

describe('createRunState', () => {
  it('creates a JSON-only state with every node pending and the deadline', () => {
    const p = pb([n('a'), n('b')], [], { vars: { team: 'soc', x: 1 }, settings: { timeoutMs: 500 } })
    const s = createRunState(p, { runId: 'r', mode: 'test', trigger: { ip: 1 }, vars: { x: 2 }, now: 1000 })
    expect(s.nodes).toEqual({ a: { status: 'pending', attempt: 0 }, b: { status: 'pending', attempt: 0 } })
    expect(s.vars).toEqual({ team: 'soc', x: 2 })
    expect(s.deadline).toBe(1500)
    expect(s.seq).toBe(0)
    expect(JSON.parse(JSON.stringify(s))).toEqual(s)
  })
})

describe('assertResumable', () => {
  it('explains why a state cannot be resumed', () => {
    const s = createRunState(pb([n('a')]), { runId: 'r', mode: 'test', trigger: null, now: 0 })
    expect(() => assertResumable(s, 'a')).toThrow(/is running, not waiting/)
    s.status = 'waiting'
    expect(() => assertResumable(s, 'a')).toThrow(/node "a" of run r is pending, not waiting/)
    s.nodes.a!.status = 'waiting'
    expect(() => assertResumable(s, 'a')).not.toThrow()
    expect(() => assertResumable(s, 'zz')).toThrow(/no node "zz"/)
  })
})
