import { describe, expect, it } from 'vitest'
import { looseView } from './loose-view.ts'
import { validateGraph } from './validate-graph.ts'

const view = (ids: string[], edges: [string, string, string?][], extra: Record<string, unknown> = {}) =>
  looseView({
    nodes: ids.map((id) => ({ id })),
    edges: edges.map(([from, to, port]) => (port ? { from, to, port } : { from, to })),
    ...extra,
  })

describe('validateGraph', () => {
  it('finds nothing wrong with a DAG and returns its graph', () => {
    const r = validateGraph(
      view(
        ['t', 'a', 'b'],
        [
          ['t', 'a'],
          ['t', 'b'],
          ['a', 'b'],
        ],
      ),
      ['t'],
    )
    expect(r.problems).toEqual([])
    expect(r.graph.ids).toEqual(['t', 'a', 'b'])
    expect(r.byId.get('b')?.index).toBe(2)
  })

  it('treats an edge with an explicit "out" port as a duplicate of one without', () => {
    const r = validateGraph(
      view(
        ['a', 'b'],
        [
          ['a', 'b'],
          ['a', 'b', 'out'],
          ['a', 'b', 'error'],
        ],
      ),
    )
    expect(r.problems).toEqual([
      expect.objectContaining({
        code: 'DUPLICATE_EDGE',
        path: '$.edges[1]',
        message: 'duplicate edge a -[out]→ b (first at $.edges[0])',
      }),
    ])
  })

  it('reports each cycle once, even when ports make the edges distinct', () => {
    const r = validateGraph(
      view(
        ['a', 'b', 'c'],
        [
          ['a', 'b', 'true'],
          ['a', 'b', 'false'],
          ['b', 'a'],
          ['c', 'c'],
        ],
      ),
    )
    expect(r.problems.map((p) => [p.code, p.message])).toEqual([
      ['SELF_LOOP', 'edge from "c" to itself: a node cannot feed its own input'],
      ['CYCLE', 'cycle: a → b → a'],
    ])
  })

  it('warns about nodes the trigger cannot reach, not about nodes it can', () => {
    const r = validateGraph(
      view(
        ['t', 'a', 'x', 'y'],
        [
          ['t', 'a'],
          ['x', 'y'],
        ],
      ),
      ['t'],
    )
    expect(r.problems.map((p) => [p.code, p.severity, p.path])).toEqual([
      ['UNREACHABLE', 'warning', '$.nodes[2]'],
      ['UNREACHABLE', 'warning', '$.nodes[3]'],
    ])
  })

  it('reports every trigger after the first', () => {
    const r = validateGraph(view(['t1', 't2', 't3'], []), ['t1', 't2', 't3'])
    const multiple = r.problems.filter((p) => p.code === 'MULTIPLE_TRIGGERS')
    expect(multiple.map((p) => p.nodeId)).toEqual(['t2', 't3'])
    expect(multiple[0]!.message).toBe('playbook has 3 triggers (t1, t2, t3); it must start from exactly one')
  })

  it('shortens hostile ids in messages', () => {
    const long = 'x'.repeat(100_000)
    const r = validateGraph(view(['a'], [['a', long]]))
    expect(r.problems[0]!.message.length).toBeLessThan(200)
  })

  it('checks a 10,000-long chain with a back edge without overflowing', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `n${i}`)
    const edges: [string, string][] = ids.slice(1).map((id, i) => [ids[i]!, id])
    edges.push(['n9999', 'n0'])
    const r = validateGraph(view(ids, edges))
    expect(r.problems).toHaveLength(1)
    expect(r.problems[0]!.message.startsWith('cycle: n0 → n1 → n2')).toBe(true)
    expect(r.problems[0]!.path).toBe('$.edges[9999]')
  })
})
