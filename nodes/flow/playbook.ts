import { z } from 'zod'
import { defineNode, NodeError, type SubRunResult } from '../../runtime/node-type.ts'

/** A reference to another playbook: its id and, optionally, a pinned version. */
export const playbookRef = z
  .object({ id: z.string().min(1), version: z.number().int().min(1).optional() })
  .strict()

/**
 * Turns a failed sub-run into a NodeError that keeps the child's code and names the child node.
 * @example throw subRunError('enrich-ip', result)
 */
export function subRunError(playbookId: string, result: SubRunResult): NodeError {
  const err = result.error ?? { code: 'SUBPLAYBOOK_FAILED', message: `ended ${result.status}` }
  const at = err.nodeId ? ` at node "${err.nodeId}"` : ''
  return new NodeError(err.code, `playbook "${playbookId}" ${result.status}${at}: ${err.message}`, {
    details: {
      playbookId,
      status: result.status,
      code: err.code,
      ...(err.nodeId ? { nodeId: err.nodeId } : {}),
    },
  })
}

/**
 * Calls one sub-playbook with typed inputs; the node's output is the child's outputs. A failed child
 * fails this node with the child's error code, the message naming the child node.
 */
export const playbookNode = defineNode({
  type: 'flow.playbook',
  version: 1,
  category: 'flow',
  title: 'Run playbook',
  description: 'Calls another playbook with inputs and returns its outputs.',
  icon: 'workflow',
  params: z.object({
    playbook: playbookRef,
    inputs: z.record(z.string(), z.unknown()).default({}),
  }),
  output: z.record(z.string(), z.unknown()),
  async run({ params, ctx }) {
    const result = await ctx.runPlaybook(params.playbook, params.inputs)
    if (result.status !== 'succeeded') throw subRunError(params.playbook.id, result)
    // A containment step inside the called playbook contains the incident for this run too (MTTC).
    return { output: result.outputs, ...(result.contained ? { contained: true } : {}) }
  },
})
