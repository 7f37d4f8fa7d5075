import { type NodeRegistry, type NodeType, portsOf } from '../node-type.ts'
import type { LooseNode, LooseView } from './loose-view.ts'
import { error, jsonPath, type PathSegment, type Problem, quote } from './problems.ts'
import { DEFAULT_PORT, ERROR_PORT } from './schema.ts'
import { issuesToProblems } from './validate-structure.ts'

/** What the node-type checks found: problems, and the ids of trigger nodes (first occurrences). */
export interface NodeCheck {
  problems: Problem[]
  triggerIds: string[]
}

/**
 * Checks nodes against the registry: `UNKNOWN_NODE_TYPE`, `UNKNOWN_NODE_VERSION` (listing the
 * versions that exist), `INVALID_PARAMS` (the type's params schema; issues at a string holding `{{`
 * are skipped, as it is resolved at run time), and `UNKNOWN_PORT` for edges leaving a port the
 * source does not have (its declared ports, plus `error` when `onError` is `error`).
 * @example validateNodes(looseView(raw), registry).problems
 */
export function validateNodes(view: LooseView, registry: NodeRegistry): NodeCheck {
  const problems: Problem[] = []
  const defs = new Map<string, { node: LooseNode; def: NodeType }>()
  const triggerIds: string[] = []
  for (const node of view.nodes) {
    if (node.type === undefined || node.version === undefined) continue
    const def = registry.get(node.type, node.version)
    if (!def) {
      problems.push(unknownType(registry, node))
      continue
    }
    if (!defs.has(node.id)) {
      defs.set(node.id, { node, def })
      if (def.category === 'trigger') triggerIds.push(node.id)
    }
    if (node.params) problems.push(...checkParams(def, node))
  }
  for (const e of view.edges) {
    if (e.from === undefined) continue
    const source = defs.get(e.from)
    if (!source) continue
    const ports = portsOf(source.def, source.node.params ?? {})
    if (source.node.onError === 'error' && !ports.includes(ERROR_PORT)) ports.push(ERROR_PORT)
    const port = e.port ?? DEFAULT_PORT
    if (ports.includes(port)) continue
    const message = `node "${e.from}" (${source.def.type}) has no output port ${quote(port)}; its ports are: ${ports.join(', ')}`
    const path = jsonPath(e.port === undefined ? ['edges', e.index] : ['edges', e.index, 'port'])
    problems.push(error('UNKNOWN_PORT', message, path, e.from))
  }
  return { problems, triggerIds }
}

function unknownType(registry: NodeRegistry, node: LooseNode): Problem {
  const versions = registry.versions(node.type!)
  if (versions.length === 0)
    return error(
      'UNKNOWN_NODE_TYPE',
      `unknown node type ${quote(node.type!)}`,
      jsonPath(['nodes', node.index, 'type']),
      node.id,
    )
  const message = `node type ${quote(node.type!)} has no version ${node.version}; available: ${versions.join(', ')}`
  return error('UNKNOWN_NODE_VERSION', message, jsonPath(['nodes', node.index, 'version']), node.id)
}

function checkParams(def: NodeType, node: LooseNode): Problem[] {
  const params = node.params!
  const base: PathSegment[] = ['nodes', node.index, 'params']
  let result: ReturnType<NodeType['params']['safeParse']>
  try {
    result = def.params.safeParse(params)
  } catch (e) {
    const message = `params could not be checked: ${e instanceof Error ? e.message : String(e)}`
    return [error('INVALID_PARAMS', message, jsonPath(base), node.id)]
  }
  if (result.success) return []
  const issues = result.error.issues.filter((issue) => !passesThroughTemplate(params, issue.path))
  return issuesToProblems(issues, undefined, base, 'INVALID_PARAMS').map((p) => ({ ...p, nodeId: node.id }))
}

/** True if the value at `path`, or any value on the way to it, is a string holding a template. */
function passesThroughTemplate(root: unknown, path: readonly PropertyKey[]): boolean {
  let cur = root
  for (let i = 0; ; i++) {
    if (typeof cur === 'string') return cur.includes('{{')
    if (i >= path.length || cur === null || typeof cur !== 'object') return false
    const key = path[i]!
    if (typeof key === 'symbol' || !Object.hasOwn(cur, key)) return false
    cur = (cur as Record<string, unknown>)[key]
  }
}
