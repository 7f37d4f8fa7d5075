import { describe, expect, it } from 'vitest'
import type { ExpressionScope } from '../node-type.ts'
import { scopeJsonFor, scriptScopeJsonFor } from './scope-refs.ts'

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

describe('scriptScopeJsonFor', () => {
  const scriptScope = { ...scope, input: { ip: '10.0.0.1' } }
  const sentToScript = (src: string) => JSON.parse(scriptScopeJsonFor(src, scriptScope))

  it('adds input to the roots and narrows the same way', () => {
    expect(sentToScript('return { bad: nodes.vt.output.n > 3, ip: input.ip }')).toEqual({
      input: { ip: '10.0.0.1' },
      nodes: { vt: { output: { n: 5 } } },
    })
    expect(sentToScript('return 1')).toEqual({})
  })

  it('sends every root, input included, to code that may reach them without naming them', () => {
    for (const src of ['return eval("input")', 'return arguments', 'return \\u0069nput'])
      expect(Object.keys(sentToScript(src))).toEqual(['input', 'trigger', 'nodes', 'vars', 'run'])
  })

  it('never sends input to an expression', () => {
    expect(JSON.parse(scopeJsonFor('eval("input")', scriptScope))).not.toHaveProperty('input')
  })
})
