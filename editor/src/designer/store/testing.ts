import { createBuiltinRegistry } from '../../../../nodes/registry.ts'
import {
  CURRENT_FORMAT,
  type Playbook,
  type PlaybookEdge,
  type PlaybookNode,
} from '../../../../runtime/format/schema.ts'

/** Test helpers for the designer store and its rules: the built-in registry and a playbook builder. */

export const registry = createBuiltinRegistry()

/** Short node specs: `id: 'type'` (version 1, empty params) or a full node without the id. */
type NodeSpec = string | Omit<PlaybookNode, 'id'>

/**
 * A playbook from short specs, every node laid out on a row.
 * @example playbookOf({ alert: 'trigger.alert', ip: 'enrich.ip-info' }, [['alert', 'ip']])
 */
export function playbookOf(
  nodes: Record<string, NodeSpec>,
  edges: ([string, string] | [string, string, string])[] = [],
): Playbook {
  const list: PlaybookNode[] = Object.entries(nodes).map(([id, spec]) =>
    typeof spec === 'string' ? { id, type: spec, version: 1, params: {} } : { id, ...spec },
  )
  const edgeList: PlaybookEdge[] = edges.map(([from, to, port]) => (port ? { from, port, to } : { from, to }))
  const layout = Object.fromEntries(list.map((n, i) => [n.id, { x: i * 260, y: 0 }]))
  return { format: CURRENT_FORMAT, id: 'test', name: 'Test', nodes: list, edges: edgeList, layout }
}
