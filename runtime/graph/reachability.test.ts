import { describe, expect, it } from 'vitest'
import { buildAdjacency } from './adjacency.ts'
import { ancestorsOf, areAncestors, reachableFrom } from './reachability.ts'

const diamond = buildAdjacency(
  ['t', 'a', 'b', 'j', 'lone'],
  [
    { from: 't', to: 'a' },
    { from: 't', to: 'b' },
    { from: 'a', to: 'j' },
    { from: 'b', to: 'j' },
  ],
)

describe('reachableFrom', () => {
  it('marks the start and everything downstream', () => {
    const seen = reachableFrom(diamond, [diamond.index.get('a')!])
    expect(diamond.ids.filter((_, i) => seen[i])).toEqual(['a', 'j'])
  })
})

describe('ancestorsOf', () => {
  it('collects every node with a path to the given one', () => {
    expect([...ancestorsOf(diamond, 'j')].sort()).toEqual(['a', 'b', 't'])
    expect(ancestorsOf(diamond, 't').size).toBe(0)
  })
})

describe('areAncestors', () => {
  it('answers upstream questions, including siblings and unknown ids', () => {
    const answers = areAncestors(diamond, [
      { node: 'j', ancestor: 't' },
      { node: 'j', ancestor: 'a' },
      { node: 'a', ancestor: 'b' },
      { node: 'a', ancestor: 'a' },
      { node: 'lone', ancestor: 't' },
      { node: 'j', ancestor: 'missing' },
    ])
    expect(answers).toEqual([true, true, false, false, false, false])
  })

  it('falls back to a search for nodes downstream of a cycle', () => {
    const g = buildAdjacency(
      ['t', 'a', 'b', 'c'],
      [
        { from: 't', to: 'a' },
        { from: 'a', to: 'b' },
        { from: 'b', to: 'a' },
        { from: 'b', to: 'c' },
      ],
    )
    expect(
      areAncestors(g, [
        { node: 'c', ancestor: 't' },
        { node: 'a', ancestor: 'b' },
        { node: 't', ancestor: 'c' },
      ]),
    ).toEqual([true, true, false])
  })

  it('handles more distinct ancestors than one bitset block', () => {
    const ids = Array.from({ length: 3000 }, (_, i) => `n${i}`)
    const edges = ids.slice(1).map((id, i) => ({ from: ids[i]!, to: id }))
    const g = buildAdjacency(ids, edges)
    const queries = ids.slice(1).map((id, i) => ({ node: id, ancestor: ids[i]! }))
    queries.push({ node: 'n0', ancestor: 'n2999' })
    const answers = areAncestors(g, queries)
    expect(answers.slice(0, -1).every(Boolean)).toBe(true)
    expect(answers.at(-1)).toBe(false)
  })

  it('answers 10,000 questions on a 10,000-long chain quickly', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `n${i}`)
    const edges = ids.slice(1).map((id, i) => ({ from: ids[i]!, to: id }))
    const g = buildAdjacency(ids, edges)
    const queries = ids.map((id) => ({ node: id, ancestor: 'n0' }))
    const start = performance.now()
    const answers = areAncestors(g, queries)
    expect(performance.now() - start).toBeLessThan(5000) // a hang guard; figures come from npm run bench
    expect(answers.filter(Boolean)).toHaveLength(9_999)
  })
})
