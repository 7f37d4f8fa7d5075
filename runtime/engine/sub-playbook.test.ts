import { describe, expect, it } from 'vitest'
import type { ExpressionScope } from '../node-type.ts'
import { computeOutputs, validateInputs } from './sub-playbook.ts'
import { pb } from './test-nodes.ts'

const child = pb([], [], {
  id: 'child',
  inputs: {
    ip: { type: 'string', required: true },
    limit: { type: 'number', default: 10 },
    extra: { type: 'any' },
  },
  outputs: {
    verdict: { type: 'string', value: '{{ nodes.v.output }}', required: true },
    score: { type: 'number', value: '{{ nodes.s.output }}', default: 0 },
  },
})

describe('validateInputs', () => {
  it('applies defaults and accepts matching types', () => {
    expect(validateInputs(child, { ip: '1.2.3.4', extra: [1] })).toEqual({
      ip: '1.2.3.4',
      limit: 10,
      extra: [1],
    })
  })

  it.each([
    [{}, /input "ip" of playbook "child" is required/],
    [{ ip: 1 }, /input "ip" .* must be a string, got number/],
    [{ ip: 'x', limit: 'many' }, /"limit" .* must be a number/],
    [{ ip: 'x', nope: 1 }, /has no input "nope"/],
  ])('rejects %j with INVALID_INPUTS naming the field', (inputs, message) => {
    expect(() => validateInputs(child, inputs)).toThrow(expect.objectContaining({ code: 'INVALID_INPUTS' }))
    expect(() => validateInputs(child, inputs)).toThrow(message)
  })

  it('accepts anything when the playbook declares no inputs, as long as it is JSON', () => {
    expect(validateInputs(pb([]), { a: 1 })).toEqual({ a: 1 })
    expect(() => validateInputs(pb([]), { f: () => 1 })).toThrow(/not JSON/)
  })
})

describe('computeOutputs', () => {
  const scope = (nodes: ExpressionScope['nodes']): ExpressionScope => ({
    trigger: null,
    nodes,
    vars: {},
    run: { id: 'r', playbookId: 'child', mode: 'test', startedAt: 0 },
  })

  it('resolves value templates with types and defaults', () => {
    expect(computeOutputs(child, scope({ v: { output: 'malicious' } }))).toEqual({
      verdict: 'malicious',
      score: 0,
    })
    expect(computeOutputs(pb([]), scope({}))).toBeUndefined()
  })

  it('rejects missing required outputs and wrong types', () => {
    expect(() => computeOutputs(child, scope({}))).toThrow(/output "verdict" .* required/)
    expect(() => computeOutputs(child, scope({ v: { output: 'x' }, s: { output: 'high' } }))).toThrow(
      expect.objectContaining({ code: 'INVALID_OUTPUTS' }),
    )
  })
})
