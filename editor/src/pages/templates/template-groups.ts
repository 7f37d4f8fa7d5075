/** One version of a template in the list. */
export interface TemplateVersionItem {
  version: number
  deprecated: boolean
  template: Record<string, unknown>
}

/** A template id with all its versions (ascending). Built-in ones ship with Bulwark and are read-only. */
export interface TemplateGroup {
  id: string
  title: string
  category: string
  builtIn: boolean
  versions: TemplateVersionItem[]
}

/**
 * Groups published versions by id (title and category of the newest version), sorted by id, then
 * appends the built-in starter templates.
 * @example groupTemplates([{ id: 'a.b', version: 2, … }, { id: 'a.b', version: 1, … }], [])[0].versions.map((v) => v.version) // [1, 2]
 */
export function groupTemplates(
  published: readonly {
    id: string
    version: number
    title: string
    category: string
    deprecated: boolean
    template: Record<string, unknown>
  }[],
  builtIn: readonly { id: string; version: number; title: string; category: string }[],
): TemplateGroup[] {
  const byId = new Map<string, TemplateGroup>()
  for (const p of [...published].sort((a, b) => a.version - b.version)) {
    const group = byId.get(p.id) ?? {
      id: p.id,
      title: p.title,
      category: p.category,
      builtIn: false,
      versions: [],
    }
    group.title = p.title
    group.category = p.category
    group.versions.push({ version: p.version, deprecated: p.deprecated, template: p.template })
    byId.set(p.id, group)
  }
  const groups = [...byId.values()].sort((a, b) => a.id.localeCompare(b.id))
  const starters = builtIn
    .filter((t) => !byId.has(t.id))
    .map((t) => ({
      id: t.id,
      title: t.title,
      category: t.category,
      builtIn: true,
      versions: [
        { version: t.version, deprecated: false, template: t as unknown as Record<string, unknown> },
      ],
    }))
  return [...groups, ...starters]
}

/**
 * The version a new publication of `group` should carry.
 * @example nextVersion({ versions: [{ version: 1 }, { version: 3 }] }) // 4
 */
export function nextVersion(group: Pick<TemplateGroup, 'versions'>): number {
  return Math.max(0, ...group.versions.map((v) => v.version)) + 1
}
