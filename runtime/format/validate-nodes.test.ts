import { describe, expect, it } from 'vitest'
import { looseView } from './loose-view.ts'
import { testRegistry } from './test-registry.ts'
import { validateNodes } from './validate-nodes.ts'

const node = (
  id: string,
  type: string,
  params: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
) => ({
  id,
  type,
  version: 1,
  params,
  ...extra,
})

describe('validateNodes', () => {
  it('collects trigger ids', () => {
    const r = validateNodes(
      looseView({ nodes: [node('t', 'test.trigger'), node('a', 'test.noop')] }),
      testRegistry,
    )
    expect(r).toEqual({ problems: [], triggerIds: ['t'] })
  })

  it('ignores params issues at or below a template, but not elsewhere in the same node', () => {
    const r = validateNodes(
      looseView({ nodes: [node('a', 'test.switch', { value: '{{ trigger.kind }}', cases: 'oops' })] }),
      testRegistry,
    )
    expect(r.problems).toEqual([
      expect.objectContaining({ code: 'INVALID_PARAMS', path: '$.nodes[0].params.cases', nodeId: 'a' }),
    ])
  })

  it('reports a missing required param', () => {
    const r = validateNodes(
      looseView({ nodes: [node('a', 'test.action', { url: 'https://x.test' })] }),
      testRegistry,
    )
    expect(r.problems.map((p) => [p.code, p.path])).toEqual([['INVALID_PARAMS', '$.nodes[0].params.retries']])
  })

  it('derives switch ports from params and adds the error port only with onError "error"', () => {
    const nodes = [
      node('s', 'test.switch', { value: 'x', cases: ['a'] }),
      node('n', 'test.noop'),
      node('e', 'test.noop', {}, { onError: 'error' }),
    ]
    const edges = [
      { from: 's', to: 'n', port: 'a' },
      { from: 's', to: 'n', port: 'default' },
      { from: 'n', to: 'e', port: 'error' },
      { from: 'e', to: 'n', port: 'error' },
    ]
    const r = validateNodes(looseView({ nodes, edges }), testRegistry)
    expect(r.problems).toEqual([
      {
        code: 'UNKNOWN_PORT',
        severity: 'error',
        path: '$.edges[2].port',
        nodeId: 'n',
        message: 'node "n" (test.noop) has no output port "error"; its ports are: out',
      },
    ])
  })
})
