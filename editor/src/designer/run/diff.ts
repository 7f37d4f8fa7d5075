import { canonicalValue } from '../../../../runtime/format/canonical.ts'
import type { Playbook, PlaybookEdge, PlaybookNode } from '../../../../runtime/format/schema.ts'
import { edgeKey } from '../store/rules/edge-key.ts'

/** How a node or an edge differs between two versions. */
export type ChangeKind = 'added' | 'removed' | 'changed'

/** One line of the list of changes. */
export interface Change {
  kind: ChangeKind
  what: 'node' | 'edge' | 'playbook' | 'layout'
  /** A node id, an edge key `from:port->to`, or a playbook field. */
  id: string
  /** For a changed node, the fields that differ (`params.ip`, `retry`, `version 1 → 2`). */
  fields?: string[]
}

/** The difference from `before` to `after`. */
export interface PlaybookDiff {
  /** Node id → how it changed: the canvas's `diff` prop. Unchanged nodes are absent. */
  nodes: Record<string, ChangeKind>
  /** Edge key → added or removed. */
  edges: Record<string, 'added' | 'removed'>
  /** Every change, nodes first, for the list beside the canvas. */
  changes: Change[]
  /**
   * `after` plus what `before` had and `after` lost (removed nodes at their old position, removed
   * edges), so that a canvas can draw the removed nodes.
   */
  union: Playbook
}

type Obj = Record<string, unknown>
const LOGIC_FIELDS = ['name', 'description', 'tags', 'rules', 'inputs', 'outputs', 'settings', 'vars']
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** The fields of a node that differ, params one level deep. */
function nodeFields(a: Obj, b: Obj): string[] {
  const fields: string[] = []
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (same(a[key], b[key])) continue
    if (key === 'version') fields.push(`version ${String(a.version)} → ${String(b.version)}`)
    else if (key === 'params') {
      const pa = (a.params ?? {}) as Obj
      const pb = (b.params ?? {}) as Obj
      for (const p of new Set([...Object.keys(pa), ...Object.keys(pb)]))
        if (!same(pa[p], pb[p])) fields.push(`params.${p}`)
    } else fields.push(key)
  }
  return fields
}

/**
 * Compares two versions of a playbook (or a version and the draft): nodes added, removed or changed
 * (logic only: a node that only moved is listed under layout, not highlighted), edges added or removed,
 * and playbook-level fields. Pure.
 * @example diffPlaybooks(v1, v2).nodes // { vt_lookup: 'added', notify: 'changed' }
 */
export function diffPlaybooks(before: Playbook, after: Playbook): PlaybookDiff {
  const a = canonicalValue(before)
  const b = canonicalValue(after)
  const nodesA = new Map(((a.nodes ?? []) as Obj[]).map((n) => [String(n.id), n]))
  const nodesB = new Map(((b.nodes ?? []) as Obj[]).map((n) => [String(n.id), n]))
  const nodes: Record<string, ChangeKind> = {}
  const changes: Change[] = []

  for (const [id, nb] of nodesB) {
    const na = nodesA.get(id)
    if (!na) {
      nodes[id] = 'added'
      changes.push({ kind: 'added', what: 'node', id })
      continue
    }
    const fields = nodeFields(na, nb)
    if (fields.length === 0) continue
    nodes[id] = 'changed'
    changes.push({ kind: 'changed', what: 'node', id, fields })
  }
  for (const id of nodesA.keys()) {
    if (nodesB.has(id)) continue
    nodes[id] = 'removed'
    changes.push({ kind: 'removed', what: 'node', id })
  }

  const keysA = new Map(before.edges.map((e) => [edgeKey(e), e]))
  const keysB = new Set(after.edges.map(edgeKey))
  const edges: Record<string, 'added' | 'removed'> = {}
  for (const key of keysB)
    if (!keysA.has(key)) {
      edges[key] = 'added'
      changes.push({ kind: 'added', what: 'edge', id: key })
    }
  const removedEdges: PlaybookEdge[] = []
  for (const [key, edge] of keysA)
    if (!keysB.has(key)) {
      edges[key] = 'removed'
      removedEdges.push(edge)
      changes.push({ kind: 'removed', what: 'edge', id: key })
    }

  for (const field of LOGIC_FIELDS)
    if (!same(a[field], b[field])) changes.push({ kind: 'changed', what: 'playbook', id: field })
  if (!same(a.notes, b.notes)) changes.push({ kind: 'changed', what: 'playbook', id: 'notes' })
  const moved = [...nodesB.keys()].filter(
    (id) => nodesA.has(id) && !same(before.layout?.[id], after.layout?.[id]),
  )
  if (moved.length > 0) changes.push({ kind: 'changed', what: 'layout', id: moved.join(', ') })

  const removedNodes: PlaybookNode[] = before.nodes.filter((n) => nodes[n.id] === 'removed')
  const layout = { ...after.layout }
  for (const n of removedNodes) {
    const at = before.layout?.[n.id]
    if (at) layout[n.id] = at
  }
  const union: Playbook = {
    ...after,
    nodes: [...after.nodes, ...removedNodes],
    edges: [...after.edges, ...removedEdges],
    layout,
  }
  return { nodes, edges, changes, union }
}
