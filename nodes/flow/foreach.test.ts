import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createEngine } from '../../runtime/engine/engine.ts'
import { e, n, pb, testNodes } from '../../runtime/engine/test-nodes.ts'
import type { Playbook } from '../../runtime/format/schema.ts'
import { createRegistry, defineNode } from '../../runtime/node-type.ts'
import { forEachNode } from './foreach.ts'

const block = defineNode({
  type: 'test.block',
  version: 1,
  category: 'action',
  title: 'Block',
  params: z.object({}),
  containment: true,
  run: () => ({ output: true }),
})

function setup(playbooks: Playbook[]) {
  const t = testNodes()
  const byId = new Map(playbooks.map((p) => [p.id, p]))
  const engine = createEngine({
    registry: createRegistry([...t.types, forEachNode, block]),
    playbooks: { load: async (id) => byId.get(id) },
  })
  return { engine, t }
}

/** A body that sleeps `ms` (from its inputs) and fails when the ip is "bad". */
const body = pb(
  [
    n('check', 'ports', { ports: '{{ trigger.ip }}' }, { join: 'all' }),
    n('slow', 'sleep', { ms: '{{ trigger.ms }}', value: '{{ trigger.ip }}' }),
    n('boom', 'fail', { code: 'BAD_IP', message: 'bad ip' }),
  ],
  [e('check', 'slow', 'out'), e('check', 'boom', 'bad')],
  {
    id: 'body',
    inputs: { ip: { type: 'string', required: true }, ms: { type: 'number', default: 1 } },
    outputs: {
      ip: { type: 'string', value: '{{ nodes.slow.output }}' },
      index: { type: 'any', value: '{{ item.i }}' },
    },
  },
)

const loop = (items: unknown, extra: Record<string, unknown> = {}, node = {}) => ({
  id: 'each',
  type: 'flow.foreach',
  version: 1,
  params: { items, playbook: { id: 'body' }, inputs: { ip: '{{ item.ip }}', ms: '{{ item.ms }}' }, ...extra },
  ...node,
})

const item = (i: number, ip: string, ms = 1) => ({ i, ip, ms })

describe('flow.foreach', () => {
  it('runs the body per item with bounded concurrency, results in input order', async () => {
    const { engine, t } = setup([body])
    const items = [
      item(0, 'out', 20),
      item(1, 'out', 1),
      item(2, 'out', 5),
      item(3, 'out', 1),
      item(4, 'out', 1),
    ]
    const r = await engine.start(
      pb(
        [n('src', 'noop', { value: items }), loop('{{ nodes.src.output }}', { concurrency: 2 })],
        [e('src', 'each')],
      ),
    )
    expect(r.status).toBe('succeeded')
    expect(r.state.nodes.each?.output).toEqual({
      results: [0, 1, 2, 3, 4].map((i) => ({ ip: 'out', index: i })),
      failures: [],
      succeeded: 5,
      failed: 0,
    })
    expect(t.stats.maxInFlight).toBe(2)
  })

  it('collects failures with index, code and the failing child node', async () => {
    const { engine } = setup([body])
    const r = await engine.start(pb([loop([item(0, 'out'), item(1, 'bad'), item(2, 'out')])]))
    expect(r.state.nodes.each?.output).toMatchObject({
      results: [{ ip: 'out' }, null, { ip: 'out' }],
      failures: [{ index: 1, code: 'BAD_IP', nodeId: 'boom' }],
      succeeded: 2,
      failed: 1,
    })
  })

  it('with failFast stops and fails the node, which onError can route to the error port', async () => {
    const { engine, t } = setup([body])
    const items = [item(0, 'bad'), ...Array.from({ length: 10 }, (_, i) => item(i + 1, 'out'))]
    const r = await engine.start(
      pb(
        [
          loop(items, { failFast: true, concurrency: 1 }, { onError: 'error' }),
          n('handler', 'echo'),
          n('next'),
        ],
        [e('each', 'handler', 'error'), e('each', 'next')],
      ),
    )
    expect(r.status).toBe('succeeded')
    expect(r.state.nodes.each?.error).toMatchObject({ code: 'FOREACH_FAILED' })
    expect(r.state.nodes.handler?.status).toBe('succeeded')
    expect(r.state.nodes.next?.status).toBe('skipped')
    expect(t.calls.filter((c) => c === 'slow')).toHaveLength(0)
  })

  it('enforces maxItems and validates params', async () => {
    const { engine } = setup([body])
    const tooMany = await engine.start(pb([loop([item(0, 'out'), item(1, 'out')], { maxItems: 1 })]))
    expect(tooMany.error?.code).toBe('TOO_MANY_ITEMS')
    const bad = await engine.start(pb([loop('not a list')]))
    expect(bad.error?.code).toBe('INVALID_PARAMS')
    const wide = await engine.start(pb([loop([], { concurrency: 64 })]))
    expect(wide.error?.code).toBe('INVALID_PARAMS')
  })

  it('handles an empty list', async () => {
    const { engine } = setup([body])
    const r = await engine.start(pb([loop([])]))
    expect(r.state.nodes.each?.output).toEqual({ results: [], failures: [], succeeded: 0, failed: 0 })
  })

  it('contains the run when a body contained its item', async () => {
    const blocking = pb([{ id: 'b', type: 'test.block', version: 1, params: {} }], [], { id: 'body' })
    const { engine } = setup([blocking])
    const r = await engine.start(pb([loop([item(0, '1.2.3.4')], { inputs: {} })]), { mode: 'production' })
    expect(r.status).toBe('succeeded')
    expect(r.state.nodes.each?.contained).toBe(true)
  })
})
