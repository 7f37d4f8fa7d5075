import { describe, expect, it } from 'vitest'
import { checkLimits } from './limits.ts'
import { LIMITS } from './schema.ts'

describe('checkLimits', () => {
  it('passes ordinary values', () => {
    expect(checkLimits({ nodes: [{ id: 'a', params: { x: [1, 2, { y: 'z' }] } }] })).toEqual({
      problems: [],
      fatal: false,
    })
    expect(checkLimits(null)).toEqual({ problems: [], fatal: false })
  })

  it('stops at the first level beyond maxDepth, naming the path and the node', () => {
    let deep: unknown = 0
    for (let i = 0; i < 100_000; i++) deep = [deep]
    const r = checkLimits({ nodes: [{ id: 'deep_one', params: { p: deep } }] })
    expect(r.fatal).toBe(true)
    expect(r.problems).toHaveLength(1)
    expect(r.problems[0]).toMatchObject({ code: 'TOO_DEEP', nodeId: 'deep_one' })
    expect(r.problems[0]!.message).toBe(`nested deeper than ${LIMITS.maxDepth} levels`)
    const depth = (r.problems[0]!.path.match(/\[0\]/g) ?? []).length
    expect(depth).toBe(LIMITS.maxDepth - 4 + 1) // root, nodes, node, params, then arrays
  })

  it('rejects too many nodes or edges before walking them', () => {
    const r = checkLimits({ nodes: { length: 0 }, edges: new Array(LIMITS.maxEdges + 1).fill(0) })
    expect(r).toEqual({
      fatal: true,
      problems: [
        expect.objectContaining({
          code: 'TOO_LARGE',
          path: '$.edges',
          message: expect.stringContaining('too many edges'),
        }),
      ],
    })
  })

  it('reports over-long strings and keys without being fatal', () => {
    const long = 'x'.repeat(LIMITS.maxStringLength + 1)
    const r = checkLimits({ name: long, vars: { [long]: 1 } })
    expect(r.fatal).toBe(false)
    expect(r.problems.map((p) => p.path)).toEqual(['$.name', `$.vars["${'x'.repeat(80)}…"]`])
    expect(r.problems[1]!.message).toBe(
      `key is too long: ${long.length} characters (at most ${LIMITS.maxStringLength})`,
    )
  })

  it('stops on shared references that would multiply the work', () => {
    let v: unknown = [1]
    for (let i = 0; i < 40; i++) v = [v, v, v]
    const r = checkLimits(v)
    expect(r.fatal).toBe(true)
    expect(r.problems[0]!.code).toBe('TOO_LARGE')
  })
})
