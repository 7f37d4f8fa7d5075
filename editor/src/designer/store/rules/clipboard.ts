import { z } from 'zod'
import { canonicalValue } from '../../../../../runtime/format/canonical.ts'
import {
  CURRENT_FORMAT,
  edgeSchema,
  LIMITS,
  type Note,
  nodeSchema,
  noteSchema,
  type Playbook,
  type PlaybookNode,
  type Position,
  positionSchema,
} from '../../../../../runtime/format/schema.ts'
import type { NodeRegistry } from '../../../../../runtime/node-type.ts'
import { uniqueSlug } from './node-id.ts'
import { isTrigger } from './ports.ts'
import { roundPosition, topLeft } from './positions.ts'
import { renameInValue } from './references.ts'

/**
 * Copy and paste as JSON text `{ nodes, edges, layout, notes? }` in canonical order, so that a
 * selection travels between playbooks (and between browser tabs) through the system clipboard.
 */

/** Nodes, the edges between them, their positions and notes: what the clipboard carries. */
const fragmentSchema = z.object({
  nodes: z.array(nodeSchema).max(LIMITS.maxNodes),
  edges: z.array(edgeSchema).max(LIMITS.maxEdges).default([]),
  layout: z.record(z.string(), positionSchema).default({}),
  notes: z.array(noteSchema).max(1000).default([]),
})
export type Fragment = z.infer<typeof fragmentSchema>

/** How far a paste without a target lands from the copied positions. */
export const PASTE_OFFSET = 40

/**
 * The canonical text of the nodes and notes with these ids, the edges between those nodes and their
 * layout.
 * @example copyItems(playbook, ['ip_info']) // '{\n  "nodes": [ … ],\n  "edges": [],\n  "layout": { … }\n}\n'
 */
export function copyItems(playbook: Playbook, ids: readonly string[]): string {
  const chosen = new Set(ids)
  const nodes = playbook.nodes.filter((n) => chosen.has(n.id))
  const nodeIds = new Set(nodes.map((n) => n.id))
  const layout: Record<string, Position> = {}
  for (const id of nodeIds) {
    const at = playbook.layout?.[id]
    if (at) layout[id] = at
  }
  const notes = playbook.notes?.filter((n) => chosen.has(n.id)) ?? []
  const canonical = canonicalValue({
    format: CURRENT_FORMAT,
    id: 'clipboard',
    name: 'clipboard',
    nodes,
    edges: playbook.edges.filter((e) => nodeIds.has(e.from) && nodeIds.has(e.to)),
    layout,
    ...(notes.length > 0 ? { notes } : {}),
  })
  const { nodes: n, edges, layout: l, notes: s } = canonical
  return `${JSON.stringify(s === undefined ? { nodes: n, edges, layout: l } : { nodes: n, edges, layout: l, notes: s }, null, 2)}\n`
}

/**
 * Reads clipboard text (a copied selection or a whole playbook file). Anything else (garbage, a
 * wrong shape, repeated ids) gives a message that says what is wrong. Never throws.
 * @example parseFragment('hello') // { ok: false, message: 'The clipboard does not hold Bulwark nodes: it is not JSON.' }
 */
export function parseFragment(
  text: string,
): { ok: true; fragment: Fragment } | { ok: false; message: string } {
  if (typeof text !== 'string' || text.trim() === '') return { ok: false, message: 'The clipboard is empty.' }
  if (text.length > LIMITS.maxFileBytes)
    return { ok: false, message: 'The clipboard holds too much text to paste.' }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { ok: false, message: 'The clipboard does not hold Bulwark nodes: it is not JSON.' }
  }
  if (value === null || typeof value !== 'object' || !Array.isArray((value as { nodes?: unknown }).nodes))
    return { ok: false, message: 'The clipboard does not hold Bulwark nodes: there is no "nodes" list.' }
  const parsed = fragmentSchema.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : ''
    return { ok: false, message: `The copied nodes are not valid: ${where}${issue?.message ?? 'invalid'}.` }
  }
  const fragment = parsed.data
  const repeated =
    firstRepeat([...fragment.nodes.map((n) => n.id)]) ?? firstRepeat(fragment.notes.map((n) => n.id))
  if (repeated !== undefined) return { ok: false, message: `The copied nodes repeat the id "${repeated}".` }
  if (fragment.nodes.length === 0 && fragment.notes.length === 0)
    return { ok: false, message: 'The clipboard holds no nodes to paste.' }
  return { ok: true, fragment }
}

function firstRepeat(ids: readonly string[]): string | undefined {
  const seen = new Set<string>()
  for (const id of ids) {
    if (seen.has(id)) return id
    seen.add(id)
  }
  return undefined
}

/** What a paste did: the new playbook, the ids it added, and triggers it left out. */
export interface Pasted {
  playbook: Playbook
  ids: string[]
  /** Trigger nodes left out because the playbook already starts from one. */
  dropped: string[]
}

/**
 * Adds a fragment to a playbook: ids that clash are renamed (`ip_info` → `ip_info_2`, references
 * inside the pasted params follow), positions move by `PASTE_OFFSET` or so that the top-left corner
 * lands on `at`, and a second trigger is left out.
 * @example pasteFragment(playbook, registry, fragment).ids // ['ip_info_2']
 */
export function pasteFragment(
  playbook: Playbook,
  registry: NodeRegistry,
  fragment: Fragment,
  at?: Position,
): Pasted {
  let hasTrigger = playbook.nodes.some((n) => isTrigger(registry.get(n.type, n.version)))
  const dropped: string[] = []
  const kept: PlaybookNode[] = []
  for (const node of fragment.nodes) {
    if (isTrigger(registry.get(node.type, node.version))) {
      if (hasTrigger) {
        dropped.push(node.id)
        continue
      }
      hasTrigger = true
    }
    kept.push(node)
  }

  const takenNodes = new Set(playbook.nodes.map((n) => n.id))
  const renames = new Map<string, string>()
  for (const node of kept) {
    const id = uniqueSlug(node.id, takenNodes)
    takenNodes.add(id)
    if (id !== node.id) renames.set(node.id, id)
  }
  const takenNotes = new Set([...takenNodes, ...(playbook.notes ?? []).map((n) => n.id)])
  const noteIds = fragment.notes.map((n) => {
    const id = uniqueSlug(n.id, takenNotes)
    takenNotes.add(id)
    return id
  })

  const keptIds = new Set(kept.map((n) => n.id))
  const origin = (id: string, i: number) => fragment.layout[id] ?? { x: 0, y: i * 100 }
  const corner = topLeft([...kept.map((n, i) => origin(n.id, i)), ...fragment.notes])
  const target = at ? roundPosition(at) : undefined
  const dx = target ? target.x - corner.x : PASTE_OFFSET
  const dy = target ? target.y - corner.y : PASTE_OFFSET
  const to = (id: string) => renames.get(id) ?? id

  const layout = { ...playbook.layout }
  const nodes = kept.map((node, i) => {
    const pos = origin(node.id, i)
    layout[to(node.id)] = { x: pos.x + dx, y: pos.y + dy }
    return { ...node, id: to(node.id), params: renameInValue(node.params, renames) }
  })
  const edges = fragment.edges
    .filter((e) => keptIds.has(e.from) && keptIds.has(e.to))
    .map((e) => ({ ...e, from: to(e.from), to: to(e.to) }))
  const notes: Note[] = fragment.notes.map((n, i) => ({ ...n, id: noteIds[i]!, x: n.x + dx, y: n.y + dy }))

  const next: Playbook = {
    ...playbook,
    nodes: [...playbook.nodes, ...nodes],
    edges: [...playbook.edges, ...edges],
    layout,
  }
  if (notes.length > 0) next.notes = [...(playbook.notes ?? []), ...notes]
  return { playbook: next, ids: [...nodes.map((n) => n.id), ...noteIds], dropped }
}
