import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createRegistry, defineNode, type NodeType } from '../node-type.ts'
import { createEngine } from './engine.ts'
import { retryDelay } from './execute-node.ts'
import { e, manualClock, n, pb, testNodes } from './test-nodes.ts'
import type { RunEvent, StartOptions } from './types.ts'

function setup(extra: NodeType[] = [], clock?: ReturnType<typeof manualClock>) {
  const t = testNodes()
  const registry = createRegistry([...t.types, ...extra])
  const engine = createEngine({ registry, ...(clock ? { clock } : {}) })
  const events: RunEvent[] = []
  const start = (p: ReturnType<typeof pb>, opts: StartOptions = {}) =>
    engine.start(p, { onEvent: (ev) => events.push(ev), ...opts })
  return { t, engine, events, start }
}

describe('params', () => {
  it('resolves templates then applies the zod defaults', async () => {
    const { start } = setup()
    const r = await start(
      pb(
        [n('a', 'noop', { value: { ip: '1.2.3.4' } }), n('b', 'echo', { value: '{{ nodes.a.output.ip }}' })],
        [e('a', 'b')],
      ),
    )
    expect(r.state.nodes.b?.output).toEqual({
      params: { value: '1.2.3.4', n: 7 },
      input: { a: { ip: '1.2.3.4' } },
    })
  })

  it('fails INVALID_PARAMS with the zod message, without retrying', async () => {
    const { start, t } = setup()
    const r = await start(pb([n('a', 'echo', { n: 'seven' }, { retry: { max: 3, delayMs: 0 } })]))
    expect(r.status).toBe('failed')
    expect(r.error).toMatchObject({ code: 'INVALID_PARAMS', nodeId: 'a' })
    expect(r.error?.message).toMatch(/^n: /)
    expect(t.calls).toEqual([])
  })

  it('fails EXPRESSION_UNSUPPORTED for a full expression without a sandbox', async () => {
    const { start } = setup()
    const r = await start(pb([n('a', 'echo', { value: '{{ trigger.x + 1 }}' })]))
    expect(r.error?.code).toBe('EXPRESSION_UNSUPPORTED')
  })

  it('uses the injected evaluator for full expressions', async () => {
    const t = testNodes()
    const engine = createEngine({
      registry: t.registry,
      evaluator: { evaluate: async (src) => `evaluated:${src}` },
    })
    const r = await engine.start(pb([n('a', 'echo', { value: '{{ 1 + 1 }}' })]))
    expect(r.state.nodes.a?.output).toMatchObject({ params: { value: 'evaluated:1 + 1' } })
  })
})

describe('results', () => {
  it('treats only objects with output/status as NodeResults', async () => {
    const raw = defineNode({
      type: 'test.raw',
      version: 1,
      category: 'transform',
      title: 'raw',
      params: z.object({ v: z.unknown().optional() }),
      run: ({ params }) => params.v,
    })
    const { start } = setup([raw])
    const r = await start(
      pb([
        n('a', 'raw', { v: { x: 1 } }),
        n('b', 'raw', { v: [1, 2] }),
        n('c', 'raw', { v: { output: 5, port: 'out' } }),
        n('d', 'raw', {}),
      ]),
    )
    expect(r.state.nodes.a).toMatchObject({ output: { x: 1 }, ports: ['out'] })
    expect(r.state.nodes.b?.output).toEqual([1, 2])
    expect(r.state.nodes.c?.output).toBe(5)
    expect(r.state.nodes.d).toMatchObject({ status: 'succeeded', output: null })
  })

  it.each(['function', 'bigint', 'cycle', 'date', 'nan'])(
    'fails OUTPUT_NOT_JSON for a %s output',
    async (kind) => {
      const { start } = setup()
      const r = await start(pb([n('a', 'bad-output', { kind })]))
      expect(r.error?.code).toBe('OUTPUT_NOT_JSON')
    },
  )

  it('turns thrown plain errors into NODE_ERROR', async () => {
    const { start, events } = setup()
    const r = await start(pb([n('a', 'fail', { plain: true, message: 'kaput' })]))
    expect(r.error).toEqual({ code: 'NODE_ERROR', message: 'kaput', nodeId: 'a' })
    expect(events.find((ev) => ev.type === 'node.failed')).toMatchObject({
      code: 'NODE_ERROR',
      handling: 'fail',
      attempt: 1,
    })
  })
})

describe('retries', () => {
  it('computes fixed and exponential backoff with a cap', () => {
    expect(retryDelay({ max: 3, delayMs: 100 }, 3)).toBe(100)
    expect(retryDelay({ max: 3, backoff: 'exponential', delayMs: 100 }, 1)).toBe(100)
    expect(retryDelay({ max: 3, backoff: 'exponential', delayMs: 100 }, 3)).toBe(400)
    expect(retryDelay({ max: 9, backoff: 'exponential', delayMs: 100, maxDelayMs: 250 }, 5)).toBe(250)
    expect(retryDelay({ max: 1 }, 1)).toBe(1000)
  })

  it('retries with backoff on the clock, then succeeds', async () => {
    const clock = manualClock()
    const { start, events, t } = setup([], clock)
    const p = start(
      pb([n('a', 'fail', { succeedAt: 3 }, { retry: { max: 5, backoff: 'exponential', delayMs: 100 } })]),
    )
    await clock.advance(1000)
    const r = await p
    expect(r.status).toBe('succeeded')
    expect(t.calls).toEqual(['a#1', 'a#2', 'a#3'])
    const retrying = events.filter((ev) => ev.type === 'node.retrying')
    expect(retrying.map((ev) => ev.type === 'node.retrying' && ev.delayMs)).toEqual([100, 200])
    expect(r.state.nodes.a?.attempt).toBe(3)
  })

  it('retries only the listed codes and never non-retryable errors', async () => {
    const { start, t } = setup()
    await start(
      pb([n('a', 'fail', { code: 'OTHER' }, { retry: { max: 3, delayMs: 0, on: ['RATE_LIMIT'] } })]),
    )
    await start(pb([n('b', 'fail', { retryable: false }, { retry: { max: 3, delayMs: 0 } })]))
    await start(
      pb([n('c', 'fail', { code: 'RATE_LIMIT' }, { retry: { max: 2, delayMs: 0, on: ['RATE_LIMIT'] } })]),
    )
    expect(t.calls).toEqual(['a#1', 'b#1', 'c#1', 'c#2', 'c#3'])
  })

  it('routes an exhausted retry into the error port', async () => {
    const { start, events } = setup()
    const r = await start(
      pb(
        [
          n('a', 'fail', { code: 'DOWN' }, { retry: { max: 2, delayMs: 0 }, onError: 'error' }),
          n('ok'),
          n('handler', 'echo'),
        ],
        [e('a', 'ok'), e('a', 'handler', 'error')],
      ),
    )
    expect(r.status).toBe('succeeded')
    expect(r.state.nodes.a).toMatchObject({ status: 'failed', attempt: 3, ports: ['error'] })
    expect(r.state.nodes.ok?.status).toBe('skipped')
    expect(r.state.nodes.handler?.output).toMatchObject({
      input: { a: { error: { code: 'DOWN', message: 'boom' } } },
    })
    expect(events.filter((ev) => ev.type === 'node.retrying')).toHaveLength(2)
    expect(events.find((ev) => ev.type === 'node.failed')).toMatchObject({ handling: 'error', attempt: 3 })
  })
})

describe('onError', () => {
  it("'continue' keeps the out edges live with an error output", async () => {
    const { start } = setup()
    const r = await start(pb([n('a', 'fail', {}, { onError: 'continue' }), n('b', 'echo')], [e('a', 'b')]))
    expect(r.status).toBe('succeeded')
    expect(r.state.nodes.a).toMatchObject({
      status: 'failed',
      output: { error: { code: 'BOOM', message: 'boom' } },
    })
    expect(r.state.nodes.b?.status).toBe('succeeded')
  })

  it("'fail' fails the run and cancels running and pending nodes", async () => {
    const { start, t } = setup()
    const r = await start(
      pb([n('slow', 'sleep', { ms: 5000 }), n('bad', 'fail'), n('after', 'noop')], [e('slow', 'after')]),
    )
    expect(r.status).toBe('failed')
    expect(r.state.nodes.slow?.status).toBe('cancelled')
    expect(r.state.nodes.after?.status).toBe('cancelled')
    expect(t.aborted).toEqual(['slow'])
  })
})

describe('timeouts', () => {
  it('fails NODE_TIMEOUT and aborts the node signal', async () => {
    const clock = manualClock()
    const t = testNodes()
    let signal: AbortSignal | undefined
    const hang = defineNode({
      type: 'test.hang',
      version: 1,
      category: 'transform',
      title: 'hang',
      params: z.object({}),
      run: ({ ctx }) => {
        signal = ctx.signal
        return new Promise(() => {})
      },
    })
    const engine = createEngine({ registry: createRegistry([...t.types, hang]), clock })
    const p = engine.start(pb([n('h', 'hang', {}, { timeoutMs: 50 })]))
    await clock.advance(49)
    expect(signal?.aborted).toBe(false)
    await clock.advance(1)
    const r = await p
    expect(r.error).toMatchObject({ code: 'NODE_TIMEOUT', nodeId: 'h' })
    expect(signal?.aborted).toBe(true)
  })

  it('uses settings.nodeTimeoutMs by default (real timers)', async () => {
    const { start } = setup()
    const r = await start(pb([n('s', 'sleep', { ms: 2000 })], [], { settings: { nodeTimeoutMs: 10 } }))
    expect(r.error?.code).toBe('NODE_TIMEOUT')
  })
})

describe('test mode', () => {
  it('returns the sample of side-effecting nodes instead of running them', async () => {
    const { start, t, events } = setup()
    const r = await start(pb([n('act', 'side')]), { mode: 'test' })
    expect(r.state.nodes.act).toMatchObject({ output: { simulated: true }, simulated: true })
    expect(t.calls).toEqual([])
    expect(events.find((ev) => ev.type === 'node.succeeded')).toMatchObject({ simulated: true })
  })

  it('runs them in production mode', async () => {
    const { start, t } = setup()
    const r = await start(pb([n('act', 'side')]), { mode: 'production' })
    expect(r.state.nodes.act?.output).toEqual({ real: true })
    expect(t.calls).toEqual(['side:act'])
  })
})
