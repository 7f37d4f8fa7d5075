import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createRegistry, defineNode, type NodeContext } from '../node-type.ts'
import { createEngine } from './engine.ts'
import { n, pb } from './test-nodes.ts'
import type { RunEvent } from './types.ts'

describe('NodeCtx', () => {
  it('gives nodes run info, scope, logging, resolve with extra scope and a signal', async () => {
    let seen: NodeContext | undefined
    let resolved: unknown
    const probe = defineNode({
      type: 'test.probe',
      version: 1,
      category: 'transform',
      title: 'probe',
      params: z.object({}),
      async run({ ctx }) {
        seen = ctx
        ctx.log.log('warn', 'careful', { n: 1 })
        resolved = await ctx.resolve(
          { a: '{{ item.x }}', b: '{{ vars.team }}-{{ trigger.id }}' },
          { item: { x: 5 } },
        )
        return { aborted: ctx.signal.aborted, now: ctx.now() }
      },
    })
    const events: RunEvent[] = []
    const engine = createEngine({
      registry: createRegistry([probe]),
      ids: () => 'run_1',
      clock: { now: () => 7, setTimeout: () => 0, clearTimeout: () => {} },
    })
    const r = await engine.start(pb([n('p', 'probe')], [], { vars: { team: 'soc' } }), {
      trigger: { id: 'alert-9' },
      mode: 'test',
      onEvent: (ev) => events.push(ev),
    })
    expect(r.state.nodes.p?.output).toEqual({ aborted: false, now: 7 })
    expect(resolved).toEqual({ a: 5, b: 'soc-alert-9' })
    expect(seen).toMatchObject({
      runId: 'run_1',
      nodeId: 'p',
      playbookId: 'test-pb',
      mode: 'test',
      attempt: 1,
    })
    expect(seen?.trigger).toEqual({ id: 'alert-9' })
    expect(seen?.scope.run).toEqual({ id: 'run_1', playbookId: 'test-pb', mode: 'test', startedAt: 7 })
    expect(events.find((ev) => ev.type === 'node.log')).toMatchObject({
      nodeId: 'p',
      level: 'warn',
      message: 'careful',
      data: { n: 1 },
    })
  })
})
