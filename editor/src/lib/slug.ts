/**
 * Turns a display name into an id: lower case ASCII letters and digits joined by single dashes, at
 * most `max` characters. Accents are dropped, other characters become separators.
 * @example slugify('Phishing triage (v2)!') // 'phishing-triage-v2'
 */
export function slugify(name: string, max = 64): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, max)
    .replace(/^-+|-+$/g, '')
}

/**
 * The first of `base`, `base-2`, `base-3`… that is not taken.
 * @example uniqueId('triage', new Set(['triage'])) // 'triage-2'
 */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base
  for (let i = 2; ; i++) {
    const candidate = `${base}-${i}`
    if (!taken.has(candidate)) return candidate
  }
}
