import { describe, expect, it } from 'vitest'
import { playbookOf } from '../store/testing.ts'
import { placeBeside } from './placement.ts'

describe('placeBeside', () => {
  const p = playbookOf({ a: 'trigger.alert', b: 'transform.set' })

  it('puts a new node to the right of the selection, below anything in the way', () => {
    expect(placeBeside(p, ['a'], { x: 0, y: 0 })).toEqual({ x: 260, y: 100 })
    expect(placeBeside(p, ['a', 'b'], { x: 0, y: 0 })).toEqual({ x: 520, y: 0 })
  })

  it('uses the fallback without a selection', () => {
    expect(placeBeside(p, [], { x: 40, y: 400 })).toEqual({ x: 40, y: 400 })
  })
})
