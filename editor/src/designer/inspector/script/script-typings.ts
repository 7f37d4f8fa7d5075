import { z } from 'zod'
import type { Playbook } from '../../../../../runtime/format/schema.ts'
import type { NodeRegistry } from '../../../../../runtime/node-type.ts'
import { createTypeDeclarations } from '../../../../../runtime/sandbox/declarations.ts'
import { triggerSchema } from '../expressions/trigger-schema.ts'
import { upstreamIds } from '../expressions/upstream.ts'
import { isRecord } from '../schema-form/values.ts'

/**
 * The TypeScript declarations of a script node's context for Monaco: `input` (its named inputs),
 * `trigger`, `nodes` with exactly the upstream ids and their output types, `vars`, `run`, `console`
 * and the sandbox's `lib` helpers.
 * @example scriptTypings(playbook, registry, 'score') // 'declare const input: …\ndeclare const nodes: { "vt": … }'
 */
export function scriptTypings(
  playbook: Pick<Playbook, 'nodes' | 'edges' | 'inputs'>,
  registry: NodeRegistry,
  nodeId: string,
): string {
  const byId = new Map(playbook.nodes.map((n) => [n.id, n]))
  const nodes: Record<string, z.ZodType | undefined> = {}
  for (const id of upstreamIds(playbook, nodeId)) {
    const node = byId.get(id)
    nodes[id] = node ? registry.get(node.type, node.version)?.output : undefined
  }
  const inputs = byId.get(nodeId)?.params.input
  const input = z.object(
    Object.fromEntries(Object.keys(isRecord(inputs) ? inputs : {}).map((k) => [k, z.unknown()])),
  )
  return createTypeDeclarations({ trigger: triggerSchema(playbook, registry), nodes, input })
}
