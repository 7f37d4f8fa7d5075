import { templateNodeRefs } from '../expr/template.ts'
import { type AncestryQuery, areAncestors } from '../graph/reachability.ts'
import type { LooseView } from './loose-view.ts'
import { error, jsonPath, type PathSegment, type Problem, quote } from './problems.ts'
import { LIMITS } from './schema.ts'
import type { GraphCheck } from './validate-graph.ts'

interface TemplateString {
  nodeId: string
  path: PathSegment[]
  text: string
}

/**
 * Checks every `{{ }}` template in node params (and in `outputs.*.value`): `EXPRESSION_SYNTAX` for
 * unclosed or empty braces, `UNKNOWN_NODE_REF` for `nodes.<id>` naming no node, `NOT_UPSTREAM` when
 * the named node is not an ancestor (its output cannot exist yet when this node runs). Ancestry is
 * answered for all references at once (`areAncestors`), never as full ancestor sets per node.
 * @example validateExpressions(view, validateGraph(view)).map((p) => p.code) // ['NOT_UPSTREAM']
 */
export function validateExpressions(view: LooseView, graph: GraphCheck): Problem[] {
  const problems: Problem[] = []
  const queries: AncestryQuery[] = []
  const asked: { path: string; nodeId: string; ref: string }[] = []
  for (const t of templateStrings(view)) {
    const path = jsonPath(t.path)
    const refs = refsOf(t.text, path, t.nodeId, problems)
    for (const ref of refs.length > 1 ? new Set(refs) : refs) {
      if (!graph.byId.has(ref)) {
        problems.push(
          error('UNKNOWN_NODE_REF', `expression references unknown node ${quote(ref)}`, path, t.nodeId),
        )
        continue
      }
      queries.push({ node: t.nodeId, ancestor: ref })
      asked.push({ path, nodeId: t.nodeId, ref })
    }
  }
  const answers = areAncestors(graph.graph, queries)
  asked.forEach((q, i) => {
    if (answers[i]) return
    const message =
      q.ref === q.nodeId
        ? `node "${q.nodeId}" reads its own output`
        : `expression reads node "${q.ref}", which is not upstream of "${q.nodeId}": connect "${q.ref}" before it`
    problems.push(error('NOT_UPSTREAM', message, q.path, q.nodeId))
  })
  for (const out of view.outputs) {
    const path = jsonPath(['outputs', out.name, 'value'])
    for (const ref of new Set(refsOf(out.value, path, undefined, problems)))
      if (!graph.byId.has(ref))
        problems.push(
          error('UNKNOWN_NODE_REF', `output ${quote(out.name)} references unknown node ${quote(ref)}`, path),
        )
  }
  return problems
}

function refsOf(text: string, path: string, nodeId: string | undefined, problems: Problem[]): string[] {
  try {
    return templateNodeRefs(text)
  } catch (e) {
    const message = `expression syntax: ${e instanceof Error ? e.message : String(e)}`
    problems.push(error('EXPRESSION_SYNTAX', message, path, nodeId))
    return []
  }
}

interface Step {
  value: unknown
  key: PathSegment
  parent: Step | undefined
}

/** Template strings in the params of the first node with each id, found without recursion. */
function templateStrings(view: LooseView): TemplateString[] {
  const found: TemplateString[] = []
  const done = new Set<string>()
  for (const node of view.nodes) {
    if (!node.params || done.has(node.id)) continue
    done.add(node.id)
    const root: Step = { value: node.params, key: 'params', parent: undefined }
    const stack: Step[] = [root]
    while (stack.length > 0) {
      const step = stack.pop()!
      const value = step.value
      if (typeof value === 'string') {
        if (value.length <= LIMITS.maxStringLength && value.includes('{{'))
          found.push({ nodeId: node.id, path: pathTo(node.index, step), text: value })
        continue
      }
      const obj = value as Record<string, unknown>
      const keys: PathSegment[] = Array.isArray(obj) ? [...obj.keys()] : Object.keys(obj)
      // Pushed in reverse so that problems come out in document order.
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!
        const child: unknown = obj[key]
        if (typeof child === 'string' || (child !== null && typeof child === 'object'))
          stack.push({ value: child, key, parent: step })
      }
    }
  }
  return found
}

function pathTo(index: number, step: Step): PathSegment[] {
  const segs: PathSegment[] = []
  for (let s: Step | undefined = step; s; s = s.parent) segs.push(s.key)
  segs.push(index, 'nodes')
  return segs.reverse()
}
