import { describe, expect, it } from 'vitest'
import { playbookOf } from '../testing.ts'
import { removeItems } from './remove.ts'

describe('removeItems', () => {
  const base = {
    ...playbookOf({ a: 'trigger.alert', b: 'transform.set', c: 'transform.set' }, [
      ['a', 'b'],
      ['b', 'c'],
    ]),
    notes: [{ id: 'note', text: 'x', x: 0, y: 0 }],
  }

  it('deletes nodes with their edges and layout, and notes', () => {
    const p = removeItems(base, ['b', 'note'])
    expect(p.nodes.map((n) => n.id)).toEqual(['a', 'c'])
    expect(p.edges).toEqual([])
    expect(Object.keys(p.layout ?? {})).toEqual(['a', 'c'])
    expect(p.notes).toBeUndefined()
  })

  it('returns the same playbook when nothing matches', () => {
    expect(removeItems(base, ['ghost'])).toBe(base)
  })
})
