import { describe, expect, it } from 'vitest'
import { createEngine } from './engine.ts'
import { e, manualClock, n, pb, testNodes } from './test-nodes.ts'
import type { RunEvent, StartOptions } from './types.ts'

function setup(clock?: ReturnType<typeof manualClock>, concurrency?: number) {
  const t = testNodes()
  const engine = createEngine({
    registry: t.registry,
    ...(clock ? { clock } : {}),
    ...(concurrency ? { limits: { concurrency } } : {}),
  })
  const events: RunEvent[] = []
  const start = (p: ReturnType<typeof pb>, opts: StartOptions = {}) =>
    engine.start(p, { onEvent: (ev) => events.push(ev), ...opts })
  const statuses = (r: { state: { nodes: Record<string, { status: string }> } }) =>
    Object.fromEntries(Object.entries(r.state.nodes).map(([id, s]) => [id, s.status]))
  return { t, engine, events, start, statuses }
}

describe('ports and dead paths', () => {
  it('fires only the chosen port and skips the other branch through a join all', async () => {
    const { start, statuses, events } = setup()
    const r = await start(
      pb(
        [n('cond', 'ports', { ports: 'true' }), n('yes'), n('no'), n('no2'), n('join', 'echo'), n('after')],
        [
          e('cond', 'yes', 'true'),
          e('cond', 'no', 'false'),
          e('no', 'no2'),
          e('yes', 'join'),
          e('no2', 'join'),
          e('join', 'after'),
        ],
      ),
    )
    expect(statuses(r)).toEqual({
      cond: 'succeeded',
      yes: 'succeeded',
      no: 'skipped',
      no2: 'skipped',
      join: 'succeeded',
      after: 'succeeded',
    })
    expect(r.state.nodes.join?.output).toMatchObject({ input: { yes: null } })
    expect(
      events.filter((ev) => ev.type === 'node.skipped').map((ev) => ev.type === 'node.skipped' && ev.nodeId),
    ).toEqual(['no', 'no2'])
  })

  it('skips a join all whose incoming edges are all dead, and the skip flows on', async () => {
    const { start, statuses } = setup()
    const r = await start(
      pb(
        [n('cond', 'ports', { ports: 'true' }), n('a'), n('b'), n('join'), n('after'), n('other')],
        [
          e('cond', 'a', 'false'),
          e('cond', 'b', 'false'),
          e('a', 'join'),
          e('b', 'join'),
          e('join', 'after'),
          e('cond', 'other', 'true'),
        ],
      ),
    )
    expect(statuses(r)).toMatchObject({
      a: 'skipped',
      b: 'skipped',
      join: 'skipped',
      after: 'skipped',
      other: 'succeeded',
    })
    expect(r.status).toBe('succeeded')
  })

  it('runs a join any once on its first live edge and skips it only when all are dead', async () => {
    const { start, t } = setup()
    const p = pb(
      [n('fast', 'sleep', { ms: 1 }), n('slow', 'sleep', { ms: 30 }), n('any', 'echo', {}, { join: 'any' })],
      [e('fast', 'any'), e('slow', 'any')],
    )
    const r = await start(p)
    expect(t.calls.filter((c) => c === 'any')).toHaveLength(1)
    expect(r.state.nodes.any?.output).toMatchObject({ input: { fast: 'fast' } })
    expect(r.state.nodes.slow?.status).toBe('succeeded')

    const dead = await start(
      pb(
        [
          n('cond', 'ports', { ports: 'a' }),
          n('x'),
          n('y'),
          n('any', 'noop', {}, { join: 'any' }),
          n('after'),
        ],
        [e('cond', 'x', 'b'), e('cond', 'y', 'b'), e('x', 'any'), e('y', 'any'), e('any', 'after')],
      ),
    )
    expect(dead.state.nodes.any?.status).toBe('skipped')
    expect(dead.state.nodes.after?.status).toBe('skipped')
  })

  it('a join any with one live and one dead edge runs', async () => {
    const { start } = setup()
    const r = await start(
      pb(
        [n('cond', 'ports', { ports: 'a' }), n('x'), n('y'), n('any', 'noop', {}, { join: 'any' })],
        [e('cond', 'x', 'a'), e('cond', 'y', 'b'), e('x', 'any'), e('y', 'any')],
      ),
    )
    expect(r.state.nodes.any?.status).toBe('succeeded')
  })

  it('fires several ports at once', async () => {
    const { start, statuses } = setup()
    const r = await start(
      pb(
        [n('c', 'ports', { ports: ['a', 'b'] }), n('x'), n('y'), n('z')],
        [e('c', 'x', 'a'), e('c', 'y', 'b'), e('c', 'z')],
      ),
    )
    expect(statuses(r)).toEqual({ c: 'succeeded', x: 'succeeded', y: 'succeeded', z: 'skipped' })
    expect(r.state.nodes.c?.ports).toEqual(['a', 'b'])
  })

  it('propagates skips down a long chain without overflowing the stack', async () => {
    const { start } = setup()
    const nodes = [n('c', 'ports', { ports: 'x' })]
    const edges = [e('c', 'n0', 'y')]
    for (let i = 0; i < 20_000; i++) {
      nodes.push(n(`n${i}`))
      if (i) edges.push(e(`n${i - 1}`, `n${i}`))
    }
    const r = await start(pb(nodes, edges))
    expect(r.state.nodes.n19999?.status).toBe('skipped')
  })
})

describe('concurrency', () => {
  it('runs independent branches concurrently under the default limit', async () => {
    const { start, t } = setup()
    const nodes = Array.from({ length: 20 }, (_, i) => n(`s${i}`, 'sleep', { ms: 5 }))
    const r = await start(pb(nodes))
    expect(r.status).toBe('succeeded')
    expect(t.stats.maxInFlight).toBe(8)
  })

  it('respects settings.concurrency over the engine limit', async () => {
    const { start, t } = setup(undefined, 16)
    const nodes = [n('src')]
    const edges = []
    for (let i = 0; i < 12; i++) {
      nodes.push(n(`s${i}`, 'sleep', { ms: 3 }))
      edges.push(e('src', `s${i}`), e(`s${i}`, 'sink'))
    }
    nodes.push(n('sink', 'echo'))
    const r = await start(pb(nodes, edges, { settings: { concurrency: 3 } }))
    expect(t.stats.maxInFlight).toBe(3)
    expect(Object.keys((r.state.nodes.sink!.output as { input: object }).input)).toHaveLength(12)
  })
})

describe('cancellation and run timeout', () => {
  it('cancels mid-branch: the slow node sees its signal aborted, others end cancelled', async () => {
    const { start, t, events } = setup()
    const ac = new AbortController()
    const p = start(
      pb(
        [n('a'), n('slow', 'sleep', { ms: 10_000 }), n('next'), n('other', 'sleep', { ms: 1 })],
        [e('a', 'slow'), e('slow', 'next')],
      ),
      { signal: ac.signal },
    )
    await new Promise((r) => setTimeout(r, 20))
    ac.abort()
    const r = await p
    expect(r.status).toBe('cancelled')
    expect(t.aborted).toEqual(['slow'])
    expect(r.state.nodes.slow?.status).toBe('cancelled')
    expect(r.state.nodes.next?.status).toBe('cancelled')
    expect(r.state.nodes.other?.status).toBe('succeeded')
    expect(events.at(-1)).toMatchObject({ type: 'run.finished', status: 'cancelled' })
    expect(events.some((ev) => ev.type === 'node.cancelled' && ev.nodeId === 'slow')).toBe(true)
  })

  it('cancels before starting when the signal is already aborted', async () => {
    const { start } = setup()
    const ac = new AbortController()
    ac.abort()
    const r = await start(pb([n('a'), n('b')], [e('a', 'b')]), { signal: ac.signal })
    expect(r.status).toBe('cancelled')
    expect(r.state.nodes.a?.status).toBe('cancelled')
  })

  it('times the whole run out on the clock and aborts running nodes', async () => {
    const clock = manualClock()
    const { start, t } = setup(clock)
    const p = start(
      pb([n('slow', 'sleep', { ms: 60_000 }), n('next')], [e('slow', 'next')], {
        settings: { timeoutMs: 100 },
      }),
    )
    await clock.advance(100)
    const r = await p
    expect(r.status).toBe('timed_out')
    expect(r.error?.code).toBe('RUN_TIMEOUT')
    expect(t.aborted).toEqual(['slow'])
    expect(r.state.nodes.next?.status).toBe('cancelled')
  })
})

describe('events', () => {
  it('numbers events from 0 and brackets them with run.started and run.finished', async () => {
    const { start, events } = setup()
    await start(pb([n('a'), n('b', 'sleep', { ms: 1 })], [e('a', 'b')]))
    expect(events.map((ev) => ev.seq)).toEqual(events.map((_, i) => i))
    expect(events[0]?.type).toBe('run.started')
    expect(events.at(-1)).toMatchObject({ type: 'run.finished', status: 'succeeded' })
    expect(events.find((ev) => ev.type === 'node.succeeded')).toMatchObject({
      nodeId: 'a',
      ports: ['out'],
      attempt: 1,
    })
  })
})
