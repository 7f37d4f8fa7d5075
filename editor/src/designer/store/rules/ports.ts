import { ERROR_PORT, type PlaybookNode } from '../../../../../runtime/format/schema.ts'
import { type NodeRegistry, type NodeType, portsOf } from '../../../../../runtime/node-type.ts'

/**
 * The output ports of a node as the validator sees them: its type's ports for its params (switch
 * cases, `true`/`false`…), plus `error` when `onError` is `error`. A node whose type is unknown
 * has the default `out`.
 * @example outputPorts({ id: 'c', type: 'condition.if', version: 1, params: {} }, registry) // ['true', 'false']
 */
export function outputPorts(node: PlaybookNode, registry: NodeRegistry): string[] {
  return portsFor(node, registry.get(node.type, node.version))
}

/** `outputPorts` when the node's type is already looked up. */
export function portsFor(node: PlaybookNode, def: NodeType | undefined): string[] {
  const ports = def ? [...portsOf(def, node.params ?? {})] : ['out']
  if (node.onError === 'error' && !ports.includes(ERROR_PORT)) ports.push(ERROR_PORT)
  return ports
}

/** Whether nodes of this type start a run (and so take no incoming edge). */
export function isTrigger(def: NodeType | undefined): boolean {
  return def?.category === 'trigger'
}
