import { describe, expect, it } from 'vitest'
import { buildAdjacency } from './adjacency.ts'

describe('buildAdjacency', () => {
  it('indexes ids and records successors and predecessors', () => {
    const g = buildAdjacency(
      ['a', 'b', 'c'],
      [
        { from: 'a', to: 'b' },
        { from: 'a', to: 'c' },
        { from: 'b', to: 'c' },
      ],
    )
    expect(g.index.get('c')).toBe(2)
    expect(g.out[0]).toEqual([1, 2])
    expect(g.in[2]).toEqual([0, 1])
  })

  it('ignores edges to unknown ids and keeps the first of repeated ids', () => {
    const g = buildAdjacency(
      ['a', 'a', 'b'],
      [
        { from: 'a', to: 'zz' },
        { from: 'a', to: 'b' },
      ],
    )
    expect(g.ids).toEqual(['a', 'b'])
    expect(g.out[0]).toEqual([1])
  })
})
