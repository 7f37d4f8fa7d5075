import { describe, expect, it } from 'vitest'
import type { ExpressionScope } from '../node-type.ts'
import { scopeJsonFor } from './scope-refs.ts'

const scope: ExpressionScope = {
  trigger: { severity: 'high' },
  nodes: { vt: { output: { n: 5 } }, 'geo-ip': { output: 'x' }, big: { output: 'y'.repeat(100) } },
  vars: { w: 2 },
  run: { id: 'r', playbookId: 'p', mode: 'test', startedAt: 0 },
}
const sent = (src: string) => JSON.parse(scopeJsonFor(src, scope))

describe('scopeJsonFor', () => {
  it('sends only the roots and node ids the expression names', () => {
    expect(sent('nodes.vt.output.n > 3 && trigger.severity === "high"')).toEqual({
      trigger: { severity: 'high' },
      nodes: { vt: { output: { n: 5 } } },
    })
    expect(sent("nodes?.['geo-ip'].output + vars.w")).toEqual({
      nodes: { 'geo-ip': { output: 'x' } },
      vars: { w: 2 },
    })
    expect(sent('nodes.missing ?? 1')).toEqual({ nodes: {} })
    expect(sent('1 + 1')).toEqual({})
  })

  it('sends a root whole when it is used any other way', () => {
    for (const src of ['Object.keys(nodes)', 'nodes[k]', 'nodes /* c */ .vt', '"nodes"', 'nodes ?.5 : 1'])
      expect(Object.keys(sent(src).nodes)).toEqual(['vt', 'geo-ip', 'big'])
  })

  it('sends everything when the source can reach a root without naming it', () => {
    for (const src of ['eval("nodes")', 'arguments[1]', '\\u006eodes.big'])
      expect(Object.keys(sent(src))).toEqual(['trigger', 'nodes', 'vars', 'run'])
  })

  it('never picks inherited keys', () => {
    expect(sent('nodes.__proto__ || nodes.constructor')).toEqual({ nodes: {} })
  })
})
