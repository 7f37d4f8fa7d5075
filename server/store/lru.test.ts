import { describe, expect, it } from 'vitest'
import { createLru } from './lru.ts'

describe('createLru', () => {
  it('keeps at most max entries, evicting the least recently used', () => {
    const lru = createLru<string, number>(2)
    lru.set('a', 1)
    lru.set('b', 2)
    expect(lru.get('a')).toBe(1) // a is now the most recent
    lru.set('c', 3)
    expect(lru.size).toBe(2)
    expect(lru.get('b')).toBeUndefined()
    expect(lru.get('a')).toBe(1)
    expect(lru.get('c')).toBe(3)
  })

  it('replaces, deletes and clears', () => {
    const lru = createLru<string, number>(3)
    lru.set('a', 1)
    lru.set('a', 2)
    expect(lru.size).toBe(1)
    expect(lru.get('a')).toBe(2)
    lru.delete('a')
    expect(lru.get('a')).toBeUndefined()
    lru.set('b', 1)
    lru.clear()
    expect(lru.size).toBe(0)
  })

  it('refuses a size that is not a positive integer', () => {
    expect(() => createLru(0)).toThrow(/positive/)
  })
})
