import { describe, expect, it } from 'vitest'
import { playbookOf } from '../store/testing.ts'
import { autoLayout } from './auto-layout.ts'

describe('autoLayout', () => {
  const p = playbookOf({ a: 'trigger.alert', b: 'condition.if', yes: 'transform.set', no: 'transform.set' }, [
    ['a', 'b'],
    ['b', 'yes', 'true'],
    ['b', 'no', 'false'],
  ])

  it('lays the graph out left to right, branches one above the other', () => {
    const at = autoLayout(p)
    expect(at.a!.x).toBeLessThan(at.b!.x)
    expect(at.b!.x).toBeLessThan(at.yes!.x)
    expect(at.yes!.x).toBe(at.no!.x)
    expect(at.yes!.y).not.toBe(at.no!.y)
  })

  it('is deterministic and tolerates cycles and dangling edges', () => {
    expect(autoLayout(p)).toEqual(autoLayout(p))
    const odd = { ...p, edges: [...p.edges, { from: 'yes', to: 'a' }, { from: 'ghost', to: 'a' }] }
    expect(Object.keys(autoLayout(odd)).sort()).toEqual(['a', 'b', 'no', 'yes'])
  })
})
