/** What the playbook list filters on; `description` is searched when the server sends it. */
export interface PlaybookRowData {
  id: string
  name: string
  tags: string[]
  status: 'draft' | 'published'
  description?: string
}

export interface PlaybookFilter {
  search: string
  /** One tag, or '' for any. */
  tag: string
  status: '' | 'draft' | 'published'
}

export const NO_FILTER: PlaybookFilter = { search: '', tag: '', status: '' }

/**
 * The playbooks matching a filter: every word of the search must appear in the id, name, description
 * or a tag (case-insensitive), the tag must be among the tags, and the state must match.
 * @example filterPlaybooks(items, { search: 'phish', tag: '', status: 'published' })
 */
export function filterPlaybooks<T extends PlaybookRowData>(items: readonly T[], f: PlaybookFilter): T[] {
  const words = f.search.toLowerCase().split(/\s+/).filter(Boolean)
  return items.filter((p) => {
    if (f.tag && !p.tags.includes(f.tag)) return false
    if (f.status && p.status !== f.status) return false
    if (words.length === 0) return true
    const haystack = [p.id, p.name, p.description ?? '', ...p.tags].join('\n').toLowerCase()
    return words.every((w) => haystack.includes(w))
  })
}

/**
 * Every tag in use, sorted, for the tag filter.
 * @example collectTags([{ tags: ['b', 'a'] }, { tags: ['a'] }]) // ['a', 'b']
 */
export function collectTags(items: readonly { tags: string[] }[]): string[] {
  return [...new Set(items.flatMap((p) => p.tags))].sort((a, b) => a.localeCompare(b))
}
