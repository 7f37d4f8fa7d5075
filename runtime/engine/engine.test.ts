import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createRegistry, defineNode } from '../node-type.ts'
import { createEngine } from './engine.ts'
import { e, manualClock, n, pb, testNodes } from './test-nodes.ts'
import type { RunEvent, RunState } from './types.ts'

const gatePlaybook = () =>
  pb(
    [
      n('start', 'noop', { value: { ip: '1.2.3.4' } }),
      n('gate', 'approve', { question: 'block {{ nodes.start.output.ip }}?' }),
      n('block', 'echo'),
      n('reject', 'echo'),
      n('side', 'sleep', { ms: 5 }),
      n('done', 'echo', {}, { join: 'any' }),
    ],
    [
      e('start', 'gate'),
      e('start', 'side'),
      e('gate', 'block', 'approved'),
      e('gate', 'reject', 'rejected'),
      e('block', 'done'),
      e('reject', 'done'),
    ],
  )

describe('suspend and resume', () => {
  it('suspends with the whole state as JSON while other branches finish, then resumes in a fresh engine', async () => {
    const t1 = testNodes()
    const events: RunEvent[] = []
    const first = await createEngine({ registry: t1.registry }).start(gatePlaybook(), {
      onEvent: (ev) => events.push(ev),
    })
    expect(first.status).toBe('waiting')
    expect(first.state.nodes.gate).toMatchObject({ status: 'waiting', wait: { question: 'block 1.2.3.4?' } })
    expect(first.state.nodes.side?.status).toBe('succeeded')
    expect(first.state.nodes.block?.status).toBe('pending')
    expect(events.find((ev) => ev.type === 'node.waiting')).toMatchObject({ nodeId: 'gate' })
    expect(events.at(-1)).toMatchObject({ type: 'run.finished', status: 'waiting' })

    const stored: RunState = JSON.parse(JSON.stringify(first.state))
    const t2 = testNodes()
    const more: RunEvent[] = []
    const second = await createEngine({ registry: t2.registry }).resume(stored, 'gate', 'yes', {
      onEvent: (ev) => more.push(ev),
    })
    expect(second.status).toBe('succeeded')
    expect(second.state.nodes.gate).toMatchObject({
      status: 'succeeded',
      ports: ['approved'],
      output: { approved: true },
    })
    expect(second.state.nodes.block?.status).toBe('succeeded')
    expect(second.state.nodes.reject?.status).toBe('skipped')
    expect(second.state.nodes.done?.output).toMatchObject({ input: { block: expect.anything() } })
    // nodes already done were not re-run
    expect(t2.calls).toEqual(['block', 'done'])
    // the sequence continues
    expect(more[0]).toMatchObject({ type: 'run.started', resumed: true, seq: events.length })
    expect([...events, ...more].map((ev) => ev.seq)).toEqual([...events, ...more].map((_, i) => i))
    // the stored state was not mutated
    expect(stored.status).toBe('waiting')
  })

  it('completes a node without a resume hook with output = value', async () => {
    const engine = createEngine({ registry: testNodes().registry })
    const first = await engine.start(pb([n('w', 'wait'), n('after', 'echo')], [e('w', 'after')]))
    const r = await engine.resume(first.state, 'w', { answer: 42 })
    expect(r.state.nodes.after?.output).toMatchObject({ input: { w: { answer: 42 } } })
  })

  it('can wait on several nodes and resume them one by one', async () => {
    const engine = createEngine({ registry: testNodes().registry })
    const first = await engine.start(
      pb([n('w1', 'wait'), n('w2', 'wait'), n('j', 'echo')], [e('w1', 'j'), e('w2', 'j')]),
    )
    const second = await engine.resume(first.state, 'w1', 1)
    expect(second.status).toBe('waiting')
    const third = await engine.resume(second.state, 'w2', 2)
    expect(third.status).toBe('succeeded')
    expect(third.state.nodes.j?.output).toMatchObject({ input: { w1: 1, w2: 2 } })
  })

  it('stays waiting when the resume hook waits again, and completes on the next resume', async () => {
    const twoStep = defineNode({
      type: 'test.two-step',
      version: 1,
      category: 'flow',
      title: 'Needs two answers',
      output: z.unknown(),
      params: z.object({}),
      run: () => ({ status: 'waiting' as const, wait: { step: 1 } }),
      resume: ({ value, wait }) =>
        (wait as { step: number }).step === 1
          ? { status: 'waiting' as const, wait: { step: 2, first: value as string } }
          : { output: { first: (wait as { first: string }).first, second: value } },
    })
    const engine = createEngine({ registry: createRegistry([...testNodes().types, twoStep]) })
    const p = pb([n('ask', 'two-step'), n('after', 'echo')], [e('ask', 'after')])
    const first = await engine.start(p)
    expect(first.state.nodes.ask).toMatchObject({ status: 'waiting', wait: { step: 1 } })

    const events: RunEvent[] = []
    const second = await engine.resume(first.state, 'ask', 'a', { onEvent: (ev) => events.push(ev) })
    expect(second.status).toBe('waiting')
    expect(second.state.status).toBe('waiting')
    expect(second.state.nodes.ask).toMatchObject({ status: 'waiting', wait: { step: 2, first: 'a' } })
    expect(second.state.nodes.after?.status).toBe('pending')
    expect(events.map((ev) => ev.type)).toEqual(['run.started', 'node.waiting', 'run.finished'])

    const third = await engine.resume(JSON.parse(JSON.stringify(second.state)), 'ask', 'b')
    expect(third.status).toBe('succeeded')
    expect(third.state.nodes.ask).toMatchObject({ status: 'succeeded', output: { first: 'a', second: 'b' } })
    expect(third.state.nodes.after?.output).toMatchObject({ input: { ask: { first: 'a', second: 'b' } } })
  })

  it('times the run out when it is resumed after its deadline', async () => {
    const clock = manualClock()
    const engine = createEngine({ registry: testNodes().registry, clock })
    const p = pb([n('w', 'wait'), n('after', 'echo')], [e('w', 'after')], { settings: { timeoutMs: 1000 } })
    const first = await engine.start(p)
    expect(first.status).toBe('waiting')
    expect(clock.pending()).toBe(0)
    await clock.advance(5000)

    const events: RunEvent[] = []
    const pending = engine.resume(first.state, 'w', 'late', { onEvent: (ev) => events.push(ev) })
    await clock.advance(0)
    const r = await pending
    expect(r.status).toBe('timed_out')
    expect(r.error).toMatchObject({ code: 'RUN_TIMEOUT', message: 'run timed out after 1000 ms' })
    expect(r.state.status).toBe('timed_out')
    expect(r.state.nodes.w?.status).toBe('cancelled')
    expect(r.state.nodes.after?.status).toBe('cancelled')
    expect(events.at(-1)).toMatchObject({ type: 'run.finished', status: 'timed_out' })
  })

  it('refuses to resume a node that is not waiting', async () => {
    const engine = createEngine({ registry: testNodes().registry })
    const first = await engine.start(gatePlaybook())
    await expect(engine.resume(first.state, 'start', 1)).rejects.toThrow(
      /"start" .* is succeeded, not waiting/,
    )
    await expect(engine.resume(first.state, 'nope', 1)).rejects.toThrow(/no node "nope"/)
    const done = await engine.start(pb([n('a')]))
    await expect(engine.resume(done.state, 'a', 1)).rejects.toThrow(/succeeded, not waiting/)
  })
})

describe('recover', () => {
  async function crashedState(sideNodeType: 'side' | 'sleep') {
    const t = testNodes()
    let snapshot: string | undefined
    const p = pb(
      [n('a'), n('act', sideNodeType, { ms: 10_000 }), n('after', 'echo'), n('other', 'echo')],
      [e('a', 'act'), e('act', 'after'), e('a', 'other')],
    )
    const ac = new AbortController()
    await createEngine({ registry: t.registry }).start(p, {
      signal: ac.signal,
      onCheckpoint: (state) => {
        if (state.nodes.act?.status === 'running' && !snapshot) {
          snapshot = JSON.stringify(state)
          queueMicrotask(() => ac.abort()) // the "crash"
        }
      },
    })
    return JSON.parse(snapshot!) as RunState
  }

  it('fails a side-effecting node that was running with INTERRUPTED, never repeating it', async () => {
    const state = await crashedState('side')
    expect(state.nodes.act?.status).toBe('running')
    const t = testNodes()
    const r = await createEngine({ registry: t.registry }).recover(state)
    expect(r.status).toBe('failed')
    expect(r.error).toMatchObject({ code: 'INTERRUPTED', nodeId: 'act' })
    expect(t.calls.filter((c) => c.startsWith('side:'))).toEqual([])
  })

  it('runs a side-effect-free node that was running again and continues', async () => {
    const state = await crashedState('sleep')
    const t = testNodes()
    state.playbook.nodes[1]!.params = { ms: 1 }
    const r = await createEngine({ registry: t.registry }).recover(state)
    expect(r.status).toBe('succeeded')
    expect(t.calls).toContain('act')
    expect(t.calls).not.toContain('a')
  })

  it('returns finished runs as they are', async () => {
    const engine = createEngine({ registry: testNodes().registry })
    const done = await engine.start(pb([n('a')]))
    expect((await engine.recover(done.state)).status).toBe('succeeded')
  })
})

describe('start', () => {
  it('validates inputs and exposes them as the trigger', async () => {
    const engine = createEngine({ registry: testNodes().registry })
    const p = pb([n('a', 'echo', { value: '{{ trigger.ip }}' })], [], {
      inputs: { ip: { type: 'string', required: true }, limit: { type: 'number', default: 5 } },
      outputs: { seen: { type: 'string', value: '{{ nodes.a.output.params.value }}' } },
    })
    const ok = await engine.start(p, { inputs: { ip: '9.9.9.9' } })
    expect(ok.state.inputs).toEqual({ ip: '9.9.9.9', limit: 5 })
    expect(ok.outputs).toEqual({ seen: '9.9.9.9' })
    const bad = await engine.start(p, { inputs: { ip: 3 } })
    expect(bad.status).toBe('failed')
    expect(bad.error).toMatchObject({ code: 'INVALID_INPUTS' })
    expect(bad.error?.message).toMatch(/"ip"/)
  })

  it('uses the injected ids and clock', async () => {
    let t = 100
    const engine = createEngine({
      registry: testNodes().registry,
      ids: () => 'run_fixed',
      clock: { now: () => t++, setTimeout: () => 0, clearTimeout: () => {} },
    })
    const r = await engine.start(pb([n('a')]))
    expect(r.state.runId).toBe('run_fixed')
    expect(r.state.startedAt).toBe(100)
  })

  it('survives a throwing event listener', async () => {
    const engine = createEngine({ registry: testNodes().registry })
    const r = await engine.start(pb([n('a')]), {
      onEvent: () => {
        throw new Error('observer bug')
      },
    })
    expect(r.status).toBe('succeeded')
  })

  it('fails nodes of unknown types', async () => {
    const engine = createEngine({ registry: testNodes().registry })
    const r = await engine.start(pb([{ id: 'x', type: 'nope.nope', version: 1, params: {} }]))
    expect(r.error?.code).toBe('UNKNOWN_NODE_TYPE')
  })
})
