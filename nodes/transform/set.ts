import { z } from 'zod'
import { defineNode } from '../../runtime/node-type.ts'

/**
 * `transform.set`: builds an object from templates, e.g.
 * `{ values: { verdict: '{{ nodes.vt.output.verdict }}', host: '{{ trigger.host }}' } }`. The engine
 * resolves the templates first (a value that is exactly one template keeps its type). With
 * `merge: true` the object outputs of the upstream nodes are merged in first, then `values` on top.
 */
export const transformSet = defineNode({
  type: 'transform.set',
  version: 1,
  category: 'transform',
  title: 'Set values',
  description: 'Builds an object from values and templates; optionally merged over the upstream outputs.',
  icon: 'braces',
  params: z.object({
    values: z
      .record(z.string().min(1).max(200), z.unknown())
      .default({})
      .describe('Field name → value or template'),
    merge: z
      .boolean()
      .default(false)
      .describe("Start from the upstream nodes' outputs (objects), then set the values"),
  }),
  output: z.record(z.string(), z.unknown()),
  run({ params, input }) {
    const base: Record<string, unknown> = {}
    if (params.merge) {
      for (const upstream of Object.values(input)) {
        if (upstream !== null && typeof upstream === 'object' && !Array.isArray(upstream))
          Object.assign(base, upstream)
      }
    }
    const output = { ...base }
    for (const [k, v] of Object.entries(params.values)) output[k] = v === undefined ? null : v
    return { output }
  },
})
