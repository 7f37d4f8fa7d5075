/** Built-in type prefixes that say nothing about the node (`enrich.ip-info` reads as `ip_info`). */
const GENERIC_PREFIXES = new Set(['trigger', 'enrich', 'condition', 'flow', 'transform', 'script', 'action'])

/** Longest id the format allows, minus room for a `_999` suffix. */
const MAX_BASE = 60

/**
 * A readable id derived from a node type: lower-case words joined by underscores, usable in
 * expressions (`nodes.ip_info.output`).
 * @example baseIdFor('virustotal.file-report') // 'virustotal_file_report'
 * @example baseIdFor('enrich.ip-info') // 'ip_info'
 */
export function baseIdFor(type: string): string {
  const parts = type.toLowerCase().split('.')
  const words = parts.length > 1 && GENERIC_PREFIXES.has(parts[0]!) ? parts.slice(1) : parts
  const joined = words
    .join('_')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, MAX_BASE)
    .replace(/_+$/, '')
  if (joined === '') return 'node'
  return /^[a-z]/.test(joined) ? joined : `n_${joined}`.slice(0, MAX_BASE)
}

/**
 * `base` when free, else the first of `root_2`, `root_3`… that is not taken, where `root` is `base`
 * without a number suffix (a copy of `ip_info_2` becomes `ip_info_3`, not `ip_info_2_2`).
 * @example uniqueSlug('ip_info', new Set(['ip_info'])) // 'ip_info_2'
 */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base
  const root = base.replace(/_\d+$/, '')
  for (let i = 2; ; i++) {
    const candidate = `${root}_${i}`
    if (!taken.has(candidate)) return candidate
  }
}

/**
 * A new node id for a node of `type`, unique among `taken`.
 * @example nodeIdFor('virustotal.file-report', new Set(['virustotal_file_report'])) // 'virustotal_file_report_2'
 */
export function nodeIdFor(type: string, taken: ReadonlySet<string>): string {
  return uniqueSlug(baseIdFor(type), taken)
}
