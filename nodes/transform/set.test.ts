import { describe, expect, it } from 'vitest'
import { asResult, testContext } from '../test-context.ts'
import { transformSet } from './set.ts'

async function set(params: Record<string, unknown>, input: Record<string, unknown> = {}) {
  const parsed = transformSet.params.parse(params)
  return asResult(await transformSet.run({ params: parsed, input, ctx: testContext() }))
}

describe('transform.set', () => {
  it('outputs the (already resolved) values on out', async () => {
    const r = await set({ values: { verdict: 'malicious', score: 92, tags: ['tor'], missing: undefined } })
    expect(r).toEqual({
      port: 'out',
      output: { verdict: 'malicious', score: 92, tags: ['tor'], missing: null },
      status: undefined,
      wait: undefined,
    })
  })

  it('merges upstream object outputs under the values when asked', async () => {
    const input = {
      vt: { verdict: 'clean', vt_score: 0 },
      iocs: ['not', 'an', 'object'],
      abuse: { score: 12 },
    }
    const r = await set({ merge: true, values: { verdict: 'suspicious' } }, input)
    expect(r.output).toEqual({ verdict: 'suspicious', vt_score: 0, score: 12 })
    expect((await set({ values: { a: 1 } }, input)).output).toEqual({ a: 1 })
  })
})
