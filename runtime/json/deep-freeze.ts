/**
 * Freezes a JSON-like value and everything reachable from it, so one parsed document can be shared
 * (between runs, between requests) without one holder changing it under another.
 * @example const doc = deepFreeze(JSON.parse(text)); Object.isFrozen(doc.nodes[0]) // true
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const v of Object.values(value)) deepFreeze(v)
  }
  return value
}
