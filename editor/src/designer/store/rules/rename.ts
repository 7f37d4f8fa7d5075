import { type Playbook, slug } from '../../../../../runtime/format/schema.ts'
import type { Refusal } from '../types.ts'
import { renameInValue } from './references.ts'

/**
 * Renames node ids everywhere they appear: the nodes, the edges, the layout, and the `{{ nodes.<id> }}`
 * references in every node's params and in the playbook's outputs. No checks: see `renameNode`.
 * @example renameIds(playbook, new Map([['vt', 'virustotal']]))
 */
export function renameIds(playbook: Playbook, renames: ReadonlyMap<string, string>): Playbook {
  const to = (id: string) => renames.get(id) ?? id
  const layout: NonNullable<Playbook['layout']> = {}
  for (const [id, pos] of Object.entries(playbook.layout ?? {})) layout[to(id)] = pos
  const next: Playbook = {
    ...playbook,
    nodes: playbook.nodes.map((n) => {
      const params = renameInValue(n.params, renames)
      return renames.has(n.id) || params !== n.params ? { ...n, id: to(n.id), params } : n
    }),
    edges: playbook.edges.map((e) =>
      renames.has(e.from) || renames.has(e.to) ? { ...e, from: to(e.from), to: to(e.to) } : e,
    ),
    layout,
  }
  if (playbook.outputs) next.outputs = renameInValue(playbook.outputs, renames)
  return next
}

/**
 * Renames one node, refusing an id that is not a slug or is taken; returns the playbook unchanged
 * when the id is the same.
 * @example renameNode(playbook, 'ip_info', 'src_ip') // { playbook } with edges and expressions following
 */
export function renameNode(playbook: Playbook, id: string, next: string): { playbook: Playbook } | Refusal {
  if (!playbook.nodes.some((n) => n.id === id))
    return { code: 'INVALID', message: `there is no node "${id}"` }
  if (next === id) return { playbook }
  const parsed = slug.safeParse(next)
  if (!parsed.success)
    return {
      code: 'INVALID',
      message: `"${next}" is not a valid id: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
    }
  if (playbook.nodes.some((n) => n.id === next))
    return { code: 'INVALID', message: `another node is already called "${next}"` }
  return { playbook: renameIds(playbook, new Map([[id, next]])) }
}
