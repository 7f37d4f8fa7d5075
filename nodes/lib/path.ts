/**
 * Reads a dotted path inside a value: `score`, `tags.0`, `user.name`. Used where a param names a
 * field of each item (filter rules, lookup rows) rather than holding a resolved value.
 * @example getIn({ tags: ['a', 'b'] }, 'tags.1') // 'b'
 */
export function getIn(value: unknown, path: string): unknown {
  if (path === '' || path === '.') return value
  let current = value
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined
    if (Array.isArray(current)) {
      if (!/^\d+$/.test(key)) return undefined
      current = current[Number(key)]
    } else {
      if (!Object.hasOwn(current, key)) return undefined
      current = (current as Record<string, unknown>)[key]
    }
  }
  return current
}
