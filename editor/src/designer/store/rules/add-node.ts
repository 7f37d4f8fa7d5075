import type { Playbook, PlaybookNode, Position } from '../../../../../runtime/format/schema.ts'
import type { NodeRegistry } from '../../../../../runtime/node-type.ts'
import type { Refusal } from '../types.ts'
import { defaultParams } from './default-params.ts'
import { nodeIdFor } from './node-id.ts'
import { isTrigger } from './ports.ts'
import { roundPosition } from './positions.ts'

/**
 * The trigger node of a playbook (the first one, if there are several), if any.
 * @example triggerOf(playbook, registry)?.id // 'alert'
 */
export function triggerOf(playbook: Playbook, registry: NodeRegistry): PlaybookNode | undefined {
  return playbook.nodes.find((n) => isTrigger(registry.get(n.type, n.version)))
}

/**
 * Whether a node of `type@version` may be added: a playbook starts from exactly one trigger.
 * @example checkAddNode(playbook, registry, 'trigger.webhook', 1) // { code: 'SECOND_TRIGGER', … } when one exists
 */
export function checkAddNode(
  playbook: Playbook,
  registry: NodeRegistry,
  type: string,
  version: number,
): Refusal | null {
  if (!isTrigger(registry.get(type, version))) return null
  const existing = triggerOf(playbook, registry)
  if (!existing) return null
  return {
    code: 'SECOND_TRIGGER',
    message: `the playbook already starts from "${existing.id}": a playbook has exactly one trigger`,
  }
}

/**
 * Adds a node of `type@version` at `position` with default params and an id derived from its type.
 * A type missing from the registry is still added (it shows as an unknown type with a problem).
 * @example addNodeTo(playbook, registry, 'enrich.ip-info', 1, { x: 300, y: 0 }) // { playbook, id: 'ip_info' }
 */
export function addNodeTo(
  playbook: Playbook,
  registry: NodeRegistry,
  type: string,
  version: number,
  position: Position,
): { playbook: Playbook; id: string } | Refusal {
  const refusal = checkAddNode(playbook, registry, type, version)
  if (refusal) return refusal
  const def = registry.get(type, version)
  const id = nodeIdFor(type, new Set(playbook.nodes.map((n) => n.id)))
  const node: PlaybookNode = { id, type, version, params: def ? defaultParams(def) : {} }
  return {
    id,
    playbook: {
      ...playbook,
      nodes: [...playbook.nodes, node],
      layout: { ...playbook.layout, [id]: roundPosition(position) },
    },
  }
}
