import { describe, expect, it } from 'vitest'
import { planOf } from './plan.ts'
import { e, n, pb } from './test-nodes.ts'

describe('planOf', () => {
  it('indexes nodes and edges with default ports and roots', () => {
    const p = pb(
      [n('a'), n('b', 'noop', {}, { join: 'any' }), n('c')],
      [e('a', 'b'), e('a', 'c', 'true'), e('b', 'c')],
    )
    const plan = planOf(p)
    expect(plan.ids).toEqual(['a', 'b', 'c'])
    expect(plan.roots).toEqual([0])
    expect(plan.outEdges[0]).toEqual([0, 1])
    expect(plan.inEdges[2]).toEqual([1, 2])
    expect(plan.edgePort).toEqual(['out', 'true', 'out'])
    expect([...plan.joinAny]).toEqual([0, 1, 0])
  })

  it('is cached per playbook object', () => {
    const p = pb([n('a')])
    expect(planOf(p)).toBe(planOf(p))
    expect(planOf(structuredClone(p))).not.toBe(planOf(p))
  })

  it('rejects edges to unknown nodes', () => {
    expect(() => planOf(pb([n('a')], [e('a', 'zz')]))).toThrow(/unknown node/)
  })
})
