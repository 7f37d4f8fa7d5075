import { describe, expect, it } from 'vitest'
import { buildAdjacency } from './adjacency.ts'
import { findCycles, stronglyConnected } from './cycles.ts'

describe('findCycles', () => {
  it('finds nothing in a DAG', () => {
    const g = buildAdjacency(
      ['a', 'b', 'c'],
      [
        { from: 'a', to: 'b' },
        { from: 'a', to: 'c' },
        { from: 'b', to: 'c' },
      ],
    )
    expect(findCycles(g)).toEqual([])
  })

  it('names the nodes on each cycle as a closed walk', () => {
    const g = buildAdjacency(
      ['a', 'b', 'c', 'x', 'y', 'z'],
      [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'c' },
        { from: 'c', to: 'a' },
        { from: 'c', to: 'x' },
        { from: 'x', to: 'y' },
        { from: 'y', to: 'x' },
      ],
    )
    const cycles = findCycles(g).map((c) => c.join(' → '))
    expect(cycles.sort()).toEqual(['a → b → c → a', 'x → y → x'])
  })

  it('reports a self-loop', () => {
    const g = buildAdjacency(['a'], [{ from: 'a', to: 'a' }])
    expect(findCycles(g)).toEqual([['a', 'a']])
  })

  it('handles a 10,000-long cycle iteratively', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `n${i}`)
    const edges = ids.map((id, i) => ({ from: id, to: ids[(i + 1) % ids.length]! }))
    const [cycle] = findCycles(buildAdjacency(ids, edges))
    expect(cycle).toHaveLength(10_001)
    expect(cycle![0]).toBe('n0')
    expect(cycle![10_000]).toBe('n0')
  })

  it('groups nodes into strongly connected components', () => {
    const g = buildAdjacency(
      ['a', 'b', 'c'],
      [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'a' },
        { from: 'b', to: 'c' },
      ],
    )
    const comps = stronglyConnected(g).map((c) => c.map((i) => g.ids[i]).sort())
    expect(comps).toContainEqual(['a', 'b'])
    expect(comps).toContainEqual(['c'])
  })
})
