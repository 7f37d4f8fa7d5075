import { describe, expect, it } from 'vitest'
import { playbookOf } from '../testing.ts'
import { moveItems, topLeft } from './positions.ts'

describe('moveItems', () => {
  const base = { ...playbookOf({ a: 'trigger.alert' }), notes: [{ id: 'n', text: '', x: 0, y: 0 }] }

  it('moves nodes through the layout and notes through their own coordinates', () => {
    const p = moveItems(base, { a: { x: 5, y: 6 }, n: { x: 7, y: 8 }, ghost: { x: 1, y: 1 } })
    expect(p.layout).toEqual({ a: { x: 5, y: 6 } })
    expect(p.notes).toEqual([{ id: 'n', text: '', x: 7, y: 8 }])
  })

  it('keeps whole pixels', () => {
    expect(moveItems(base, { a: { x: 149.703125, y: -0.4 } }).layout).toEqual({ a: { x: 150, y: 0 } })
  })

  it('returns the same playbook when nothing moved (a click is not an undo step)', () => {
    expect(moveItems(base, { a: { x: 0, y: 0 }, n: { x: 0, y: 0 } })).toBe(base)
  })
})

describe('topLeft', () => {
  it('finds the corner of a set of points', () => {
    expect(
      topLeft([
        { x: 10, y: 50 },
        { x: 40, y: 20 },
      ]),
    ).toEqual({ x: 10, y: 20 })
    expect(topLeft([])).toEqual({ x: 0, y: 0 })
  })
})
