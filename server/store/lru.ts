/** A map bounded to `max` entries that drops the least recently used one first. */
export interface Lru<K, V> {
  /** The value, marked as just used; undefined when absent. */
  get(key: K): V | undefined
  set(key: K, value: V): void
  delete(key: K): void
  clear(): void
  readonly size: number
}

/**
 * A bounded least-recently-used cache over a `Map` (whose iteration order is insertion order: a hit
 * re-inserts its entry at the end, and the first entry is the one to evict).
 * @example const cache = createLru<string, number>(256); cache.set('a', 1); cache.get('a') // 1
 */
export function createLru<K, V>(max: number): Lru<K, V> {
  if (!Number.isInteger(max) || max < 1) throw new Error(`an LRU cache needs a positive size, got ${max}`)
  const map = new Map<K, V>()
  // The most recently used key: a hit on it needs no re-insert (each delete + set churns the Map's
  // backing table, garbage on every request when one hot key is read over and over).
  let newest: { key: K } | undefined
  return {
    get(key) {
      const value = map.get(key)
      if (value === undefined) return undefined
      if (newest?.key !== key) {
        map.delete(key)
        map.set(key, value)
        newest = { key }
      }
      return value
    },
    set(key, value) {
      if (newest?.key === key) map.set(key, value)
      else {
        map.delete(key)
        map.set(key, value)
        newest = { key }
      }
      if (map.size > max) map.delete(map.keys().next().value as K)
    },
    delete(key) {
      map.delete(key)
      if (newest?.key === key) newest = undefined
    },
    clear() {
      map.clear()
      newest = undefined
    },
    get size() {
      return map.size
    },
  }
}
