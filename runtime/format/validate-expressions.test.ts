import { describe, expect, it } from 'vitest'
import { looseView } from './loose-view.ts'
import { validateExpressions } from './validate-expressions.ts'
import { validateGraph } from './validate-graph.ts'

function check(nodes: [string, Record<string, unknown>][], edges: [string, string][]) {
  const view = looseView({
    nodes: nodes.map(([id, params]) => ({ id, params })),
    edges: edges.map(([from, to]) => ({ from, to })),
  })
  return validateExpressions(view, validateGraph(view))
}

describe('validateExpressions', () => {
  it('accepts references to any ancestor, direct or not, in every reference style', () => {
    const problems = check(
      [
        ['t', {}],
        ['a', { x: '{{ nodes.t.output }}' }],
        ['b', { deep: { list: ["{{ nodes['t'].output }} and {{ nodes.a.output.x }}"] } }],
      ],
      [
        ['t', 'a'],
        ['a', 'b'],
      ],
    )
    expect(problems).toEqual([])
  })

  it('reports siblings and downstream nodes as not upstream', () => {
    const problems = check(
      [
        ['t', { x: '{{ nodes.a.output }}' }],
        ['a', {}],
        ['b', { x: '{{ nodes.a.output }}' }],
      ],
      [
        ['t', 'a'],
        ['t', 'b'],
      ],
    )
    expect(problems.map((p) => [p.code, p.nodeId, p.path])).toEqual([
      ['NOT_UPSTREAM', 't', '$.nodes[0].params.x'],
      ['NOT_UPSTREAM', 'b', '$.nodes[2].params.x'],
    ])
  })

  it('reports each unknown node once per string, and ignores roots other than nodes', () => {
    const problems = check(
      [['a', { x: '{{ nodes.zz.output }}-{{ nodes.zz.id }}', y: '{{ trigger.nodes }} {{ vars.x }}' }]],
      [],
    )
    expect(problems.map((p) => p.message)).toEqual(['expression references unknown node "zz"'])
  })

  it('reports empty and unclosed expressions', () => {
    const problems = check([['a', { x: 'a {{ }} b', y: '{{ nodes.a' }]], [])
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['EXPRESSION_SYNTAX', '$.nodes[0].params.x'],
      ['EXPRESSION_SYNTAX', '$.nodes[0].params.y'],
    ])
    expect(problems[0]!.message).toContain('empty expression')
  })
})
