import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createRegistry, defineNode } from '../node-type.ts'
import { createEngine } from './engine.ts'
import { e, n, pb, testNodes } from './test-nodes.ts'
import type { RunEvent } from './types.ts'

/** Node types that count their real calls, to prove which ones a test run simulated. */
function world() {
  const calls: string[] = []
  const lookup = defineNode({
    type: 'test.lookup',
    version: 1,
    category: 'enrichment',
    title: 'Lookup',
    external: true,
    sample: { score: 7 },
    params: z.object({}),
    run: ({ ctx }) => {
      calls.push(ctx.nodeId)
      return { output: { score: 99 } }
    },
  })
  const block = defineNode({
    type: 'test.block',
    version: 1,
    category: 'action',
    title: 'Block',
    sideEffects: true,
    sample: { blocked: true },
    params: z.object({ score: z.unknown().optional() }),
    ports: ['out', 'skipped'],
    run: ({ ctx }) => {
      calls.push(ctx.nodeId)
      return { output: { blocked: true } }
    },
  })
  return { calls, lookup, engine: createEngine({ registry: createRegistry([lookup, block]) }) }
}

const playbook = pb(
  [n('lookup', 'lookup'), n('block', 'block', { score: '{{ nodes.lookup.output.score }}' })],
  [e('lookup', 'block')],
)

describe('simulation in test runs', () => {
  it('runs lookups for real and simulates side effects by default, marking them in the trace', async () => {
    const { calls, engine } = world()
    const events: RunEvent[] = []
    const r = await engine.start(playbook, { mode: 'test', onEvent: (ev) => events.push(ev) })
    expect(calls).toEqual(['lookup'])
    expect(r.state.nodes.lookup?.output).toEqual({ score: 99 })
    expect(r.state.nodes.block).toMatchObject({ status: 'succeeded', simulated: true })
    expect(events.find((ev) => ev.type === 'node.succeeded' && ev.nodeId === 'block')).toMatchObject({
      simulated: true,
    })
  })

  it('answers external lookups from their sample when asked', async () => {
    const { calls, engine } = world()
    const r = await engine.start(playbook, { mode: 'test', simulate: { external: true } })
    expect(calls).toEqual([])
    expect(r.state.nodes.lookup).toMatchObject({ output: { score: 7 }, simulated: true })
  })

  it('returns a mocked result, with its port, for a named node', async () => {
    const { calls, engine } = world()
    const r = await engine.start(playbook, {
      mode: 'test',
      simulate: {
        mocks: { lookup: { output: { score: 1 } }, block: { output: { blocked: false }, port: 'skipped' } },
      },
    })
    expect(calls).toEqual([])
    expect(r.state.nodes.lookup?.output).toEqual({ score: 1 })
    expect(r.state.nodes.block).toMatchObject({ output: { blocked: false }, ports: ['skipped'] })
  })

  it('never simulates or mocks in production', async () => {
    const { calls, engine } = world()
    const r = await engine.start(playbook, {
      mode: 'production',
      simulate: { external: true, mocks: { block: { output: 'mocked' } } },
    })
    expect(calls).toEqual(['lookup', 'block'])
    expect(r.state.simulate).toBeUndefined()
    expect(r.state.nodes.block?.simulated).toBeUndefined()
  })

  it('keeps the simulation settings across JSON serialization and resume', async () => {
    const { calls, lookup } = world()
    const registry = createRegistry([...testNodes().types, lookup])
    const waitThenLookup = pb([n('gate', 'wait'), n('lookup', 'lookup')], [e('gate', 'lookup')])
    const first = await createEngine({ registry }).start(waitThenLookup, {
      mode: 'test',
      simulate: { external: true },
    })
    expect(first.status).toBe('waiting')
    const state = JSON.parse(JSON.stringify(first.state))
    const done = await createEngine({ registry }).resume(state, 'gate', 'go')
    expect(done.status).toBe('succeeded')
    expect(done.state.nodes.lookup).toMatchObject({ output: { score: 7 }, simulated: true })
    expect(calls).toEqual([])
  })
})

describe('simulated nodes still check their params', () => {
  it('fails a simulated side-effecting node whose params do not fit its schema', async () => {
    const strict = defineNode({
      type: 'test.isolate',
      version: 1,
      category: 'action',
      title: 'Isolate',
      sideEffects: true,
      sample: { isolated: true },
      params: z.object({ host: z.string() }),
      run: () => ({ output: { isolated: true } }),
    })
    const engine = createEngine({ registry: createRegistry([strict]) })
    const bad = await engine.start(
      pb([{ id: 'iso', type: 'test.isolate', version: 1, params: { host: '{{ trigger.missing }}' } }]),
      {
        mode: 'test',
        trigger: {},
      },
    )
    expect(bad.status).toBe('failed')
    expect(bad.state.nodes.iso?.error?.code).toBe('INVALID_PARAMS')
    const good = await engine.start(
      pb([{ id: 'iso', type: 'test.isolate', version: 1, params: { host: '{{ trigger.host }}' } }]),
      {
        mode: 'test',
        trigger: { host: 'ws-1' },
      },
    )
    expect(good.state.nodes.iso).toMatchObject({
      status: 'succeeded',
      simulated: true,
      output: { isolated: true },
    })
  })
})
