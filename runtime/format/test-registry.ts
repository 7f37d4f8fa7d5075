import { z } from 'zod'
import { createRegistry, defineNode } from '../node-type.ts'

/** Fake node types for format tests only: a trigger, a no-op, a condition, a switch and an action. */

const trigger = defineNode({
  type: 'test.trigger',
  version: 1,
  category: 'trigger',
  title: 'Test trigger',
  params: z.object({}).passthrough(),
  run: ({ ctx }) => ({ output: ctx.trigger }),
})

const noop = defineNode({
  type: 'test.noop',
  version: 1,
  category: 'transform',
  title: 'No-op',
  params: z.record(z.string(), z.unknown()),
  run: () => ({ output: null }),
})

const condition = defineNode({
  type: 'test.condition',
  version: 1,
  category: 'condition',
  title: 'If',
  params: z.object({ value: z.boolean() }),
  ports: ['true', 'false'],
  run: ({ params }) => ({ output: params.value, port: params.value ? 'true' : 'false' }),
})

const switchNode = defineNode({
  type: 'test.switch',
  version: 1,
  category: 'flow',
  title: 'Switch',
  params: z.object({ value: z.string(), cases: z.array(z.string()) }),
  ports: (params) => [...(Array.isArray(params.cases) ? params.cases.map(String) : []), 'default'],
  run: ({ params }) => ({
    output: params.value,
    port: params.cases.includes(params.value) ? params.value : 'default',
  }),
})

const actionV1 = defineNode({
  type: 'test.action',
  version: 1,
  category: 'action',
  title: 'Call a URL',
  params: z.object({ url: z.string().url(), retries: z.number().int() }),
  sideEffects: true,
  run: () => ({ output: { status: 200 } }),
})

const actionV2 = defineNode({ ...actionV1, version: 2 })

/** A registry with the fake node types (`test.action` in versions 1 and 2). */
export const testRegistry = createRegistry([trigger, noop, condition, switchNode, actionV1, actionV2])
