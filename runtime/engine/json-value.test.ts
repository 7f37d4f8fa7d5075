import { describe, expect, it } from 'vitest'
import { asJsonOutput, MAX_OUTPUT_DEPTH } from './json-value.ts'

describe('asJsonOutput', () => {
  it('accepts plain JSON and maps undefined to null', () => {
    const v = { a: [1, 'x', true, null, { b: {} }], c: undefined }
    expect(asJsonOutput(v)).toBe(v)
    expect(asJsonOutput(undefined)).toBeNull()
    expect(asJsonOutput(Object.create(null))).toEqual({})
  })

  it.each([
    ['function', { f: () => 1 }],
    ['bigint', { n: 1n }],
    ['symbol', [Symbol('s')]],
    ['NaN', { x: Number.NaN }],
    ['Date', new Date(0)],
    ['Map', new Map()],
    ['undefined in array', [undefined]],
  ])('rejects %s', (_name, value) => {
    expect(() => asJsonOutput(value)).toThrow(expect.objectContaining({ code: 'OUTPUT_NOT_JSON' }))
  })

  it('rejects cycles but accepts shared references', () => {
    const a: Record<string, unknown> = {}
    a.self = a
    expect(() => asJsonOutput(a)).toThrow(/cycle/)
    const shared = { x: 1 }
    expect(asJsonOutput({ p: shared, q: shared })).toEqual({ p: { x: 1 }, q: { x: 1 } })
  })

  it('bounds depth', () => {
    let deep: unknown = 1
    for (let i = 0; i < MAX_OUTPUT_DEPTH + 5; i++) deep = [deep]
    expect(() => asJsonOutput(deep)).toThrow(/deeper/)
  })
})
