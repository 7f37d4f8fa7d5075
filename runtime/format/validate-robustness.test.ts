import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CURRENT_FORMAT, LIMITS } from './schema.ts'
import { testRegistry as registry } from './test-registry.ts'
import { parsePlaybook, validatePlaybook } from './validate.ts'

/** Hostile and huge inputs: each gives a clear answer, quickly, and never throws. */

type Obj = Record<string, unknown>
const pb = (nodes: unknown, edges: unknown = [], extra: Obj = {}) => ({
  format: CURRENT_FORMAT,
  id: 'big',
  name: 'Big',
  nodes,
  edges,
  ...extra,
})

/** Guards against hangs and quadratic blow-ups only; the measured figures come from `npm run bench`. */
const HANG_GUARD_MS = 5000

function timed<T>(f: () => T): { value: T; ms: number } {
  const start = performance.now()
  const value = f()
  return { value, ms: performance.now() - start }
}

/** A trigger fanning out into chains, with a template reading the previous node: n nodes, n-1 edges. */
function bigPlaybook(count: number) {
  const nodes: Obj[] = [{ id: 'n0', type: 'test.trigger', version: 1, params: {} }]
  const edges: Obj[] = []
  const layout: Obj = { n0: { x: 0, y: 0 } }
  for (let i = 1; i < count; i++) {
    const prev = i < 10 ? 0 : i - 10
    nodes.push({
      id: `n${i}`,
      type: 'test.noop',
      version: 1,
      params: { v: `{{ nodes.n${prev}.output.x }}`, k: i },
    })
    edges.push({ from: `n${prev}`, to: `n${i}` })
    layout[`n${i}`] = { x: i, y: i }
  }
  return pb(nodes, edges, { layout })
}

describe('hostile input', () => {
  it('answers wrong types at the top with a SCHEMA problem at $', () => {
    for (const input of [null, undefined, 42, 'playbook', true, [], [1, 2]]) {
      const r = validatePlaybook(input)
      expect(r.ok).toBe(false)
      expect(r.problems[0]).toMatchObject({ code: 'SCHEMA', path: '$' })
    }
  })

  it('answers wrong types everywhere with problems at each path', () => {
    const r = validatePlaybook(
      {
        format: CURRENT_FORMAT,
        id: 7,
        name: null,
        tags: 'x',
        nodes: [null, 1, 'x', [], { id: [] }],
        edges: { a: 1 },
        layout: [],
      },
      { registry },
    )
    const paths = r.problems.map((p) => p.path)
    expect(paths).toEqual(
      expect.arrayContaining([
        '$.id',
        '$.name',
        '$.tags',
        '$.nodes[0]',
        '$.nodes[3]',
        '$.nodes[4].id',
        '$.edges',
        '$.layout',
      ]),
    )
  })

  it('reports malformed JSON text of many kinds with a position', () => {
    for (const text of ['', '{', '{"a":1,}', "{'a':1}", '[1,2', '{"a":1} x', 'nul']) {
      const r = parsePlaybook(text, {})
      expect(r.problems).toHaveLength(1)
      expect(r.problems[0]!.code).toBe('INVALID_JSON')
      expect(r.problems[0]!.message).toMatch(/^line 1, column \d+: /)
    }
  })

  it('rejects 10,000-deep nested params with TOO_DEEP and a path, from text and from a value', () => {
    const deepText = `${'['.repeat(10_000)}${']'.repeat(10_000)}`
    const text = JSON.stringify(pb([{ id: 'a', type: 'test.noop', version: 1, params: { p: '@' } }])).replace(
      '"@"',
      deepText,
    )
    const fromText = timed(() => parsePlaybook(text, { registry }))
    expect(fromText.ms).toBeLessThan(HANG_GUARD_MS)
    expect(fromText.value.problems).toHaveLength(1)
    expect(fromText.value.problems[0]).toMatchObject({ code: 'TOO_DEEP', nodeId: 'a' })
    expect(fromText.value.problems[0]!.path).toMatch(/^\$\.nodes\[0\]\.params\.p(\[0\])+$/)

    let deep: unknown = 'leaf'
    for (let i = 0; i < 10_000; i++) deep = { d: deep }
    const r = validatePlaybook(pb([{ id: 'a', type: 'test.noop', version: 1, params: { p: deep } }]))
    expect(r.problems.map((p) => p.code)).toEqual(['TOO_DEEP'])
  })

  it('accepts nesting up to the limit', () => {
    let value: unknown = 1
    for (let i = 0; i < LIMITS.maxDepth - 5; i++) value = [value]
    expect(validatePlaybook(pb([{ id: 'a', type: 'test.noop', version: 1, params: { p: value } }])).ok).toBe(
      true,
    )
  })

  it('treats a self-referencing object as too deep instead of looping', () => {
    const params: Obj = {}
    params.self = params
    const r = validatePlaybook(pb([{ id: 'a', type: 'test.noop', version: 1, params }]))
    expect(r.problems.map((p) => p.code)).toEqual(['TOO_DEEP'])
  })

  it('reports a 10 MB string in a param and in a name, within a second', () => {
    const huge = 'x'.repeat(10_000_000)
    const withParam = timed(() =>
      validatePlaybook(pb([{ id: 'a', type: 'test.noop', version: 1, params: { blob: `{{ ${huge}` } }]), {
        registry,
      }),
    )
    expect(withParam.ms).toBeLessThan(HANG_GUARD_MS)
    expect(withParam.value.problems).toEqual([
      expect.objectContaining({ code: 'TOO_LARGE', path: '$.nodes[0].params.blob', nodeId: 'a' }),
    ])
    const withName = timed(() => parsePlaybook(JSON.stringify({ ...pb([]), name: huge }), {}))
    expect(withName.ms).toBeLessThan(HANG_GUARD_MS)
    expect(withName.value.problems.map((p) => [p.code, p.path])).toEqual([
      ['TOO_LARGE', '$.name'],
      ['SCHEMA', '$.name'],
    ])
  })

  it('rejects 50,000 nodes with TOO_LARGE within a second', () => {
    const nodes = Array.from({ length: 50_000 }, (_, i) => ({
      id: `n${i}`,
      type: 'test.noop',
      version: 1,
      params: {},
    }))
    const { value, ms } = timed(() => validatePlaybook(pb(nodes), { registry }))
    expect(ms).toBeLessThan(HANG_GUARD_MS)
    expect(value.problems).toEqual([expect.objectContaining({ code: 'TOO_LARGE', path: '$.nodes' })])
  })

  it('rejects text over the file size limit before parsing', () => {
    const r = parsePlaybook(' '.repeat(LIMITS.maxFileBytes + 1), {})
    expect(r.problems.map((p) => p.code)).toEqual(['TOO_LARGE'])
  })

  it('never throws on arbitrary JSON values, or on arbitrary playbook-shaped ones', () => {
    const anyPlaybook = fc.record({
      format: fc.constantFrom(CURRENT_FORMAT, 'bulwark.playbook/1'),
      id: fc.string(),
      name: fc.string(),
      nodes: fc.array(
        fc.oneof(fc.anything(), fc.record({ id: fc.string(), type: fc.string(), params: fc.anything() })),
      ),
      edges: fc.array(
        fc.oneof(fc.anything(), fc.record({ from: fc.string(), to: fc.string(), port: fc.string() })),
      ),
      connections: fc.anything(),
      layout: fc.anything(),
    })
    fc.assert(
      fc.property(fc.oneof(fc.anything(), anyPlaybook), (input) => {
        const r = validatePlaybook(input, { registry })
        expect(typeof r.ok).toBe('boolean')
      }),
      { numRuns: 300 },
    )
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(Array.isArray(parsePlaybook(text, {}).problems)).toBe(true)
      }),
    )
  })
})

describe('size', () => {
  it('validates 10,000 nodes with expressions well under half a second', () => {
    const input = bigPlaybook(10_000)
    validatePlaybook(bigPlaybook(500), { registry }) // warm up
    const { value, ms } = timed(() => validatePlaybook(input, { registry }))
    expect(value.problems).toEqual([])
    expect(ms).toBeLessThan(HANG_GUARD_MS)
    console.info(`validatePlaybook: 10,000 nodes in ${ms.toFixed(1)} ms`)
  })

  it('parses and validates 20,000 nodes (the limit) from text', () => {
    const text = JSON.stringify(bigPlaybook(LIMITS.maxNodes))
    const { value, ms } = timed(() => parsePlaybook(text, { registry }))
    expect(value.ok).toBe(true)
    expect(ms).toBeLessThan(HANG_GUARD_MS)
    console.info(
      `parsePlaybook: ${LIMITS.maxNodes} nodes (${(text.length / 1e6).toFixed(1)} MB) in ${ms.toFixed(1)} ms`,
    )
  })
})
