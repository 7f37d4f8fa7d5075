import type { Playbook } from '../../../../../runtime/format/schema.ts'
import type { NodeRegistry, NodeType } from '../../../../../runtime/node-type.ts'
import { toJsonSchema } from '../schema-form/json-schema.ts'
import { type FieldPath, schemaPaths, valuePaths } from './field-paths.ts'
import { triggerSchema } from './trigger-schema.ts'
import { upstreamIds } from './upstream.ts'

/** The parts of a playbook that decide what its expressions can read. */
export type ScopeSource = Pick<Playbook, 'nodes' | 'edges' | 'vars' | 'inputs'>

/** One completion of an expression: the path inserted and a short note on what it holds. */
export interface Suggestion {
  path: string
  detail: string
}

const RUN_FIELDS: Suggestion[] = [
  { path: 'run.id', detail: 'this run’s id' },
  { path: 'run.playbookId', detail: 'the playbook’s id' },
  { path: 'run.mode', detail: '"test" | "production"' },
  { path: 'run.startedAt', detail: 'start time (ms since 1970)' },
]

/**
 * Everything an expression in node `nodeId` can read: `trigger` and its known fields, the outputs
 * of upstream nodes only (`nodes.<id>.output…`, from each type's output schema or sample), `vars`,
 * `item` where the node resolves params per item, and `run`.
 * @example expressionSuggestions(playbook, registry, 'verdict').map((s) => s.path)
 * // ['trigger', 'nodes.alert.output', 'nodes.alert.output.severity', …, 'vars', 'run.id', …]
 */
export function expressionSuggestions(
  playbook: ScopeSource,
  registry: NodeRegistry,
  nodeId: string,
): Suggestion[] {
  const out: Suggestion[] = [{ path: 'trigger', detail: 'the payload that started the run' }]
  out.push(...prefixed('trigger', pathsOf(triggerSchema(playbook, registry))))
  const byId = new Map(playbook.nodes.map((n) => [n.id, n]))
  for (const id of upstreamIds(playbook, nodeId)) {
    const node = byId.get(id)
    const def = node ? registry.get(node.type, node.version) : undefined
    const root = `nodes.${id}.output`
    out.push({ path: root, detail: `output of ${node?.name ?? def?.title ?? id}` })
    if (def) out.push(...prefixed(root, outputPaths(def)))
  }
  out.push({ path: 'vars', detail: 'playbook constants' })
  for (const [name, value] of Object.entries(playbook.vars ?? {}))
    out.push({ path: `vars.${name}`, detail: Array.isArray(value) ? 'list' : typeof value })
  const self = byId.get(nodeId)
  const selfDef = self ? registry.get(self.type, self.version) : undefined
  if (selfDef?.lazyParams?.length) out.push({ path: 'item', detail: 'the current item' })
  out.push(...RUN_FIELDS)
  return out
}

function prefixed(root: string, paths: FieldPath[]): Suggestion[] {
  return paths.map((p) => ({ path: `${root}${p.suffix}`, detail: p.detail }))
}

function pathsOf(schema: Parameters<typeof toJsonSchema>[0]): FieldPath[] {
  const json = toJsonSchema(schema, 'output')
  return json ? schemaPaths(json) : []
}

const outputCache = new WeakMap<NodeType, FieldPath[]>()

/** A node type's output paths, computed once per type (suggestions are rebuilt on every edit). */
function outputPaths(def: NodeType): FieldPath[] {
  let paths = outputCache.get(def)
  if (!paths) {
    const fromSchema = pathsOf(def.output)
    paths = fromSchema.length > 0 || def.sample === undefined ? fromSchema : valuePaths(def.sample)
    outputCache.set(def, paths)
  }
  return paths
}
