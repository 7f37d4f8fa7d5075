import { z } from 'zod'
import { mapBounded } from '../../runtime/engine/for-each.ts'
import { defineNode, NodeError } from '../../runtime/node-type.ts'
import { playbookRef, subRunError } from './playbook.ts'

/** One item that failed in a for-each. */
export interface ForEachFailure {
  index: number
  code: string
  message: string
  nodeId?: string
}

/** What `flow.foreach` outputs: results in input order (null where the item failed). */
export interface ForEachOutput {
  results: unknown[]
  failures: ForEachFailure[]
  succeeded: number
  failed: number
}

/**
 * Runs a sub-playbook once per item, at most `concurrency` at once, results in input order. `inputs`
 * templates are resolved per item with `item` in scope (a lazy param). Item failures are collected in
 * `failures`; with `failFast` the first failure stops new items and fails the node (`FOREACH_FAILED`),
 * which `onError` can route to the error port.
 */
export const forEachNode = defineNode({
  type: 'flow.foreach',
  version: 1,
  category: 'flow',
  title: 'For each',
  description: 'Runs a playbook for every item of a list.',
  icon: 'repeat',
  params: z.object({
    items: z.array(z.unknown()),
    playbook: playbookRef,
    inputs: z.record(z.string(), z.unknown()).optional(),
    concurrency: z.number().int().min(1).max(32).default(4),
    maxItems: z.number().int().min(1).max(100_000).default(1000),
    failFast: z.boolean().default(false),
  }),
  lazyParams: ['inputs'],
  async run({ params, ctx }): Promise<{ output: ForEachOutput }> {
    const { items } = params
    if (items.length > params.maxItems)
      throw new NodeError(
        'TOO_MANY_ITEMS',
        `${items.length} items is more than maxItems (${params.maxItems})`,
        {
          retryable: false,
        },
      )
    const failures: ForEachFailure[] = []
    let contained = false
    const fail = (index: number, err: unknown) => {
      const e = err as { code?: unknown; message?: unknown; details?: { nodeId?: unknown } }
      const nodeId = typeof e.details?.nodeId === 'string' ? e.details.nodeId : undefined
      failures.push({
        index,
        code: typeof e.code === 'string' ? e.code : 'NODE_ERROR',
        message: String(e.message ?? err),
        ...(nodeId ? { nodeId } : {}),
      })
    }
    const results = await mapBounded(
      items,
      params.concurrency,
      async (item, index) => {
        try {
          const inputs = params.inputs
            ? ((await ctx.resolve(params.inputs, { item })) as Record<string, unknown>)
            : {}
          const r = await ctx.runPlaybook(params.playbook, inputs, { item })
          if (r.contained) contained = true
          if (r.status === 'succeeded') return r.outputs
          fail(index, subRunError(params.playbook.id, r))
        } catch (err) {
          fail(index, err)
        }
        return undefined
      },
      { signal: ctx.signal, stop: () => params.failFast && failures.length > 0 },
    )
    failures.sort((a, b) => a.index - b.index)
    if (params.failFast && failures.length > 0) {
      const f = failures[0]!
      throw new NodeError('FOREACH_FAILED', `item ${f.index} failed (${f.code}): ${f.message}`, {
        details: { index: f.index, code: f.code, ...(f.nodeId ? { nodeId: f.nodeId } : {}) },
      })
    }
    return {
      output: {
        results: results.map((r) => r ?? null),
        failures,
        succeeded: items.length - failures.length,
        failed: failures.length,
      },
      ...(contained ? { contained } : {}),
    }
  },
})
