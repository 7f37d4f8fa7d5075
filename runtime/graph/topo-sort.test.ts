import { describe, expect, it } from 'vitest'
import { buildAdjacency } from './adjacency.ts'
import { topologicalIds, topologicalOrder } from './topo-sort.ts'

function chain(n: number) {
  const ids = Array.from({ length: n }, (_, i) => `n${i}`)
  const edges = ids.slice(1).map((id, i) => ({ from: ids[i]!, to: id }))
  return { ids, edges }
}

describe('topologicalOrder', () => {
  it('puts every node after its predecessors', () => {
    const g = buildAdjacency(
      ['d', 'c', 'b', 'a'],
      [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'c' },
        { from: 'a', to: 'd' },
        { from: 'c', to: 'd' },
      ],
    )
    expect(topologicalIds(g)).toEqual(['a', 'b', 'c', 'd'])
  })

  it('reports the nodes on and after a cycle as blocked', () => {
    const g = buildAdjacency(
      ['a', 'b', 'c', 'd'],
      [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'c' },
        { from: 'c', to: 'b' },
        { from: 'c', to: 'd' },
      ],
    )
    const r = topologicalOrder(g)
    expect(r.order.map((i) => g.ids[i])).toEqual(['a'])
    expect(r.blocked.map((i) => g.ids[i])).toEqual(['b', 'c', 'd'])
    expect(topologicalIds(g)).toBeUndefined()
  })

  it('orders a 10,000-long chain given in reverse without overflowing the stack', () => {
    const { ids, edges } = chain(10_000)
    const g = buildAdjacency([...ids].reverse(), edges)
    expect(topologicalIds(g)).toEqual(ids)
  })

  it('orders 50,000 nodes', () => {
    const ids = Array.from({ length: 50_000 }, (_, i) => `n${i}`)
    const edges = ids.slice(1).map((id, i) => ({ from: ids[Math.floor(i / 2)]!, to: id }))
    const order = topologicalIds(buildAdjacency(ids, edges))
    expect(order).toHaveLength(50_000)
    expect(order![0]).toBe('n0')
  })
})
