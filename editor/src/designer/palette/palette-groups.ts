import type { NodeCategory, NodeType } from '../../../../runtime/node-type.ts'

/** One entry of the palette: the latest version of a node type. */
export interface PaletteItem {
  type: string
  version: number
  title: string
  description?: string
  icon?: string
  category: NodeCategory
}

export interface PaletteGroup {
  id: NodeCategory | 'template'
  label: string
  items: PaletteItem[]
}

const GROUPS: readonly { id: PaletteGroup['id']; label: string }[] = [
  { id: 'trigger', label: 'Triggers' },
  { id: 'enrichment', label: 'Enrichment' },
  { id: 'condition', label: 'Conditions' },
  { id: 'flow', label: 'Flow' },
  { id: 'transform', label: 'Transform' },
  { id: 'action', label: 'Actions' },
  { id: 'script', label: 'Scripts' },
  { id: 'template', label: 'Templates' },
]

/** Type prefixes of the built-in node types; any other type is an integration template. */
const BUILTIN_PREFIXES = new Set(['trigger', 'enrich', 'condition', 'flow', 'transform', 'script', 'action'])

/**
 * Whether a node type is an integration template (`virustotal.file-report`) rather than built in.
 * @example isTemplateType('enrich.ip-info') // false
 */
export function isTemplateType(type: string): boolean {
  return !BUILTIN_PREFIXES.has(type.split('.')[0] ?? '')
}

function matches(item: PaletteItem, words: readonly string[]): boolean {
  const text = `${item.title} ${item.type} ${item.description ?? ''} ${item.category}`.toLowerCase()
  return words.every((w) => text.includes(w))
}

/**
 * The palette: the latest version of each type, grouped by category in a fixed order (triggers,
 * enrichment, conditions, flow, transform, actions, scripts, then templates), filtered by a search
 * whose every word must appear in the title, type, description or category. Empty groups are left out.
 * @example paletteGroups(catalog.palette, 'virus')[0].label // 'Templates'
 */
export function paletteGroups(types: readonly NodeType[], query = ''): PaletteGroup[] {
  const latest = new Map<string, NodeType>()
  for (const t of types) {
    const seen = latest.get(t.type)
    if (!seen || t.version > seen.version) latest.set(t.type, t)
  }
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  const groups = new Map(GROUPS.map((g) => [g.id, [] as PaletteItem[]]))
  for (const t of latest.values()) {
    const item: PaletteItem = { type: t.type, version: t.version, title: t.title, category: t.category }
    if (t.description) item.description = t.description
    if (t.icon) item.icon = t.icon
    if (!matches(item, words)) continue
    groups.get(isTemplateType(t.type) ? 'template' : t.category)?.push(item)
  }
  return GROUPS.map((g) => ({ ...g, items: groups.get(g.id) ?? [] })).filter((g) => g.items.length > 0)
}
