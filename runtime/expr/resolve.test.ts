import { describe, expect, it } from 'vitest'
import type { ExpressionEvaluator, ExpressionScope } from '../node-type.ts'
import { NodeError } from '../node-type.ts'
import { compileParams, compileValue, resolveCompiled, resolveValue } from './resolve.ts'

const scope: ExpressionScope = {
  trigger: { ip: '10.0.0.1', n: 3, tags: ['a', 'b'], nested: { ok: true } },
  nodes: { vt: { output: { score: 7 } } },
  vars: { team: 'soc' },
  run: { id: 'r1', playbookId: 'p', mode: 'test', startedAt: 0 },
}

function recordingEvaluator(result: unknown): ExpressionEvaluator & { calls: string[] } {
  const calls: string[] = []
  return {
    calls,
    async evaluate(expression) {
      calls.push(expression)
      return result
    },
  }
}

describe('resolveValue', () => {
  it('keeps the type of a single expression', () => {
    expect(resolveValue('{{ trigger.n }}', { scope })).toBe(3)
    expect(resolveValue('{{ trigger.tags }}', { scope })).toEqual(['a', 'b'])
    expect(resolveValue('{{ nodes.vt.output.score }}', { scope })).toBe(7)
    expect(resolveValue('{{ trigger.missing }}', { scope })).toBeUndefined()
  })

  it('concatenates mixed strings with stringifyForTemplate', () => {
    expect(
      resolveValue('ip={{ trigger.ip }} n={{ trigger.n }} o={{ trigger.nested }} x={{ trigger.none }}', {
        scope,
      }),
    ).toBe('ip=10.0.0.1 n=3 o={"ok":true} x=')
  })

  it('resolves deep inside objects and arrays, leaving constants alone', () => {
    const value = { a: ['{{ vars.team }}', 1, { b: '{{ trigger.nested.ok }}' }], c: 'plain', d: null }
    expect(resolveValue(value, { scope })).toEqual({ a: ['soc', 1, { b: true }], c: 'plain', d: null })
    const constant = { x: [1, 2], y: 'z' }
    expect(resolveValue(constant, { scope })).toBe(constant)
  })

  it('is synchronous for plain paths and never calls the evaluator', () => {
    const ev = recordingEvaluator('nope')
    const r = resolveValue({ a: '{{ trigger.ip }}' }, { scope, evaluator: ev })
    expect(r).not.toBeInstanceOf(Promise)
    expect(ev.calls).toEqual([])
  })

  it('sends other expressions to the evaluator and returns a promise', async () => {
    const ev = recordingEvaluator(42)
    const r = resolveValue(
      { a: '{{ trigger.n * 2 }}', b: ['x{{ 1 + 1 }}y', '{{ trigger.ip }}'] },
      { scope, evaluator: ev },
    )
    expect(r).toBeInstanceOf(Promise)
    expect(await r).toEqual({ a: 42, b: ['x42y', '10.0.0.1'] })
    expect(ev.calls).toEqual(['trigger.n * 2', '1 + 1'])
  })

  it('fails with EXPRESSION_UNSUPPORTED without an evaluator', () => {
    try {
      resolveValue('{{ trigger.n + 1 }}', { scope })
      expect.unreachable()
    } catch (err) {
      expect(err).toBeInstanceOf(NodeError)
      expect((err as NodeError).code).toBe('EXPRESSION_UNSUPPORTED')
      expect((err as NodeError).message).toMatch(/only plain paths/)
    }
  })

  it('wraps evaluator errors as EXPRESSION_ERROR', async () => {
    const ev: ExpressionEvaluator = { evaluate: async () => Promise.reject(new Error('bad token')) }
    await expect(resolveValue('{{ 1 +* 2 }}', { scope, evaluator: ev })).rejects.toMatchObject({
      code: 'EXPRESSION_ERROR',
    })
  })

  it('reports unclosed braces as EXPRESSION_SYNTAX', () => {
    expect(() => compileValue('{{ trigger.ip')).toThrow(
      expect.objectContaining({ code: 'EXPRESSION_SYNTAX' }),
    )
  })

  it('does not reach prototypes through paths', () => {
    expect(resolveValue('{{ trigger.constructor }}', { scope })).toBeUndefined()
  })
})

describe('compileParams', () => {
  it('caches per params object and marks constant params', () => {
    const params = { a: 1, b: 'x' }
    const c = compileParams(params)
    expect(c.constant).toBe(true)
    expect(compileParams(params)).toBe(c)
  })

  it('leaves lazy params unresolved', () => {
    const params = { items: '{{ trigger.tags }}', inputs: { ip: '{{ item }}' } }
    const c = compileParams(params, ['inputs'])
    expect(c.constant).toBe(false)
    expect(resolveCompiled(c.value, { scope })).toEqual({ items: ['a', 'b'], inputs: { ip: '{{ item }}' } })
  })
})
