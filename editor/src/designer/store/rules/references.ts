/**
 * Node references inside `{{ }}` templates: `nodes.<id>`, `nodes['<id>']`, `nodes["<id>"]` (the forms
 * the validator reads). Renaming a node rewrites them so expressions keep pointing at it.
 */

const TEMPLATE = /\{\{[\s\S]*?\}\}/g

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * Rewrites the references to the nodes in `renames` (old id → new id) inside the templates of one
 * string; text outside `{{ }}` is left alone.
 * @example renameInText('{{ nodes.vt.output.score }} / vt', new Map([['vt', 'virustotal']])) // '{{ nodes.virustotal.output.score }} / vt'
 */
export function renameInText(text: string, renames: ReadonlyMap<string, string>): string {
  if (!text.includes('{{') || renames.size === 0) return text
  const ids = [...renames.keys()].map(escapeRegExp).join('|')
  const ref = new RegExp(
    `(?<![\\w$.])(nodes\\s*)(?:(\\.\\s*)(${ids})(?![\\w$])|(\\[\\s*)(['"])(${ids})\\5)`,
    'g',
  )
  return text.replace(TEMPLATE, (template) =>
    template.replace(
      ref,
      (_m, head: string, dot?: string, dotted?: string, open?: string, q?: string, quoted?: string) =>
        dot !== undefined
          ? `${head}${dot}${renames.get(dotted!)}`
          : `${head}${open}${q}${renames.get(quoted!)}${q}`,
    ),
  )
}

/**
 * Rewrites node references in every string of a JSON value. Returns the same object when nothing
 * changed (so undo snapshots share unchanged parts).
 * @example renameInValue({ ip: '{{ nodes.a.output.ip }}' }, new Map([['a', 'b']])) // { ip: '{{ nodes.b.output.ip }}' }
 */
export function renameInValue<T>(value: T, renames: ReadonlyMap<string, string>): T {
  if (typeof value === 'string') return renameInText(value, renames) as T
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) {
    let changed = false
    const out = value.map((v) => {
      const next = renameInValue(v, renames)
      if (next !== v) changed = true
      return next
    })
    return (changed ? out : value) as T
  }
  let out: Record<string, unknown> | undefined
  for (const [k, v] of Object.entries(value)) {
    const next = renameInValue(v, renames)
    if (next === v) continue
    out ??= { ...(value as Record<string, unknown>) }
    out[k] = next
  }
  return (out ?? value) as T
}
