import { describe, expect, it } from 'vitest'
import { getIn } from './path.ts'

describe('getIn', () => {
  it('reads nested keys and array indexes', () => {
    const v = { user: { name: 'bob' }, tags: ['a', 'b'] }
    expect(getIn(v, 'user.name')).toBe('bob')
    expect(getIn(v, 'tags.1')).toBe('b')
    expect(getIn(v, '')).toBe(v)
  })

  it('gives undefined for missing paths and never reads inherited properties', () => {
    expect(getIn({ a: 1 }, 'a.b')).toBeUndefined()
    expect(getIn({}, 'constructor')).toBeUndefined()
    expect(getIn(['x'], 'length')).toBeUndefined()
  })
})
