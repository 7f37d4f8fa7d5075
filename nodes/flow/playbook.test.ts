import { describe, expect, it } from 'vitest'
import { createEngine } from '../../runtime/engine/engine.ts'
import { e, n, pb, testIsolate, testNodes } from '../../runtime/engine/test-nodes.ts'
import type { RunEvent } from '../../runtime/engine/types.ts'
import type { Playbook } from '../../runtime/format/schema.ts'
import { createRegistry } from '../../runtime/node-type.ts'
import { playbookNode } from './playbook.ts'

function setup(playbooks: Playbook[], maxCallDepth?: number) {
  const registry = createRegistry([...testNodes().types, playbookNode, testIsolate])
  const byId = new Map(playbooks.map((p) => [p.id, p]))
  return createEngine({
    registry,
    playbooks: { load: async (id) => byId.get(id) },
    ...(maxCallDepth ? { limits: { maxCallDepth } } : {}),
  })
}

const call = (id: string, params: Record<string, unknown> = {}, extra = {}) => ({
  id,
  type: 'flow.playbook',
  version: 1,
  params: { playbook: { id: params.playbookId ?? 'child' }, inputs: params.inputs ?? {} },
  ...extra,
})

const child = pb([n('v', 'noop', { value: '{{ trigger.ip }}' })], [], {
  id: 'child',
  inputs: { ip: { type: 'string', required: true } },
  outputs: { echoed: { type: 'string', value: 'seen {{ nodes.v.output }}' } },
})

describe('flow.playbook', () => {
  it('calls a sub-playbook with typed inputs and outputs its outputs', async () => {
    const engine = setup([child])
    const r = await engine.start(
      pb(
        [n('a', 'noop', { value: '8.8.8.8' }), call('sub', { inputs: { ip: '{{ nodes.a.output }}' } })],
        [e('a', 'sub')],
      ),
    )
    expect(r.status).toBe('succeeded')
    expect(r.state.nodes.sub?.output).toEqual({ echoed: 'seen 8.8.8.8' })
  })

  it('fails INVALID_INPUTS naming the field', async () => {
    const engine = setup([child])
    const r = await engine.start(pb([call('sub', { inputs: { ip: 5 } })]))
    expect(r.error).toMatchObject({ code: 'INVALID_INPUTS', nodeId: 'sub' })
    expect(r.error?.message).toMatch(/input "ip"/)
  })

  it("surfaces the child's failing node in the error", async () => {
    const broken = pb(
      [n('ok'), n('explode', 'fail', { code: 'VT_DOWN', message: 'no answer' })],
      [e('ok', 'explode')],
      {
        id: 'broken',
      },
    )
    const engine = setup([broken])
    const r = await engine.start(pb([call('sub', { playbookId: 'broken' })]))
    expect(r.error).toMatchObject({ code: 'VT_DOWN', nodeId: 'sub' })
    expect(r.error?.message).toBe('playbook "broken" failed at node "explode": no answer')
  })

  it('limits the call depth with CALL_DEPTH', async () => {
    const loop = pb([call('again', { playbookId: 'loop' })], [], { id: 'loop' })
    const engine = setup([loop], 3)
    const r = await engine.start(loop)
    expect(r.error?.code).toBe('CALL_DEPTH')
    expect(r.error?.message).toMatch(/deeper than 3/)
  })

  it('fails PLAYBOOK_NOT_FOUND for an unknown playbook', async () => {
    const r = await setup([]).start(pb([call('sub', { playbookId: 'ghost' })]))
    expect(r.error?.code).toBe('PLAYBOOK_NOT_FOUND')
  })

  it('runs side-effecting children simulated in test mode', async () => {
    const acting = pb([n('act', 'side')], [], {
      id: 'acting',
      outputs: { r: { type: 'any', value: '{{ nodes.act.output }}' } },
    })
    const r = await setup([acting]).start(pb([call('sub', { playbookId: 'acting' })]), { mode: 'test' })
    expect(r.state.nodes.sub?.output).toEqual({ r: { simulated: true } })
  })

  it('reports a containment step of a called playbook, nested too, as containing this run (never when simulated)', async () => {
    const inner = pb([{ id: 'iso', type: 'test.isolate', version: 1, params: {} }], [], { id: 'inner' })
    const middle = pb([call('deeper', { playbookId: 'inner' })], [], { id: 'middle' })
    const engine = setup([inner, middle])
    const contained = async (mode: 'production' | 'test') => {
      const events: RunEvent[] = []
      await engine.start(pb([call('sub', { playbookId: 'middle' }), n('after')], [e('sub', 'after')]), {
        mode,
        onEvent: (ev) => events.push(ev),
      })
      return events.flatMap((ev) =>
        ev.type === 'node.succeeded' ? [[ev.nodeId, ev.contained === true]] : [],
      )
    }
    expect(await contained('production')).toEqual([
      ['sub', true],
      ['after', false],
    ])
    expect(await contained('test')).toEqual([
      ['sub', false],
      ['after', false],
    ])
    const direct: RunEvent[] = []
    await engine.start(inner, { mode: 'production', onEvent: (ev) => direct.push(ev) })
    expect(direct.find((ev) => ev.type === 'node.succeeded')).toMatchObject({
      nodeId: 'iso',
      contained: true,
    })
  })
})
