import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { toCanonical } from './canonical.ts'
import { CURRENT_FORMAT, type Playbook, playbookSchema } from './schema.ts'

const parse = (text: string): Playbook => playbookSchema.parse(JSON.parse(text))

const sample: Playbook = parse(
  JSON.stringify({
    edges: [
      { to: 'b', from: 'a', port: 'true' },
      { from: 'a', to: 'c', port: 'false' },
      { from: 'a', to: 'b' },
    ],
    nodes: [
      { params: { z: 1, a: { y: 2, b: [{ d: 1, c: 2 }] } }, version: 1, type: 'test.noop', id: 'c' },
      { onError: 'continue', id: 'b', type: 'test.noop', version: 1, retry: { on: ['E'], max: 2 } },
      { id: 'a', type: 'test.condition', version: 1, name: 'If', params: {} },
    ],
    layout: { c: { y: 2, x: 1 }, a: { x: 0, y: 0 } },
    tags: ['b', 'a', 'b'],
    name: 'Sample',
    id: 'sample',
    format: CURRENT_FORMAT,
  }),
)

describe('toCanonical', () => {
  it('orders keys, sorts nodes, edges, layout and sets, and ends with a newline', () => {
    expect(toCanonical(sample)).toBe(`{
  "format": "bulwark.playbook/2",
  "id": "sample",
  "name": "Sample",
  "tags": [
    "a",
    "b"
  ],
  "nodes": [
    {
      "id": "a",
      "type": "test.condition",
      "version": 1,
      "name": "If",
      "params": {}
    },
    {
      "id": "b",
      "type": "test.noop",
      "version": 1,
      "params": {},
      "retry": {
        "max": 2,
        "on": [
          "E"
        ]
      },
      "onError": "continue"
    },
    {
      "id": "c",
      "type": "test.noop",
      "version": 1,
      "params": {
        "a": {
          "b": [
            {
              "c": 2,
              "d": 1
            }
          ],
          "y": 2
        },
        "z": 1
      }
    }
  ],
  "edges": [
    {
      "from": "a",
      "to": "c",
      "port": "false"
    },
    {
      "from": "a",
      "to": "b"
    },
    {
      "from": "a",
      "to": "b",
      "port": "true"
    }
  ],
  "layout": {
    "a": {
      "x": 0,
      "y": 0
    },
    "c": {
      "x": 1,
      "y": 2
    }
  }
}
`)
  })

  it('changes only layout lines when a node moves', () => {
    const before = toCanonical(sample).split('\n')
    const after = toCanonical({ ...sample, layout: { ...sample.layout, c: { x: 500, y: 2 } } }).split('\n')
    expect(after).toHaveLength(before.length)
    const changed = before.flatMap((line, i) => (line === after[i] ? [] : [i]))
    const layoutStart = before.indexOf('  "layout": {')
    expect(changed.length).toBeGreaterThan(0)
    expect(changed.every((i) => i > layoutStart)).toBe(true)
  })

  it('keeps sample events last, in their order, with their keys sorted', () => {
    const examples = [
      { name: 'Splunk alert', event: { search_name: 'x', result: { src: '10.0.0.1', host: 'ws1' } } },
      { name: 'A clean one', event: { b: 1, a: 2 } },
    ]
    const text = toCanonical(playbookSchema.parse({ ...sample, examples }))
    const parsed = JSON.parse(text)
    expect(Object.keys(parsed).at(-1)).toBe('examples')
    expect(parsed.examples.map((e: { name: string }) => e.name)).toEqual(['Splunk alert', 'A clean one'])
    expect(text.indexOf('"host"')).toBeLessThan(text.indexOf('"src"'))
    expect(Object.keys(parsed.examples[1].event)).toEqual(['a', 'b'])
  })

  it('does not fail on __proto__ keys in free-form params', () => {
    const p = parse(toCanonical(sample))
    const params = JSON.parse('{"__proto__": {"polluted": 1}, "a": 1}')
    const text = toCanonical({ ...p, nodes: [{ ...p.nodes[0]!, params }] })
    expect(text).toContain('"__proto__": {')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

// ---- property tests ----------------------------------------------------------------------------

const slug = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'trigger', 'vt_lookup', 'n10', 'n2', 'z_9')
const key = fc.string({ maxLength: 6 }).filter((k) => k !== '__proto__')
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string({ maxLength: 8 }),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Object.is(d, -0)),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(key, tie('value'), { maxKeys: 3 }),
  ),
})).value

const playbookArb = fc
  .uniqueArray(slug, { minLength: 1, maxLength: 8 })
  .chain((ids) =>
    fc.record(
      {
        format: fc.constant(CURRENT_FORMAT),
        id: fc.constantFrom('phishing-triage', 'p1', 'edr_isolate'),
        name: fc.string({ minLength: 1, maxLength: 20 }),
        description: fc.string({ maxLength: 20 }),
        tags: fc.array(fc.constantFrom('a', 'b', 'phishing', 'edr'), { maxLength: 5 }),
        rules: fc.array(fc.constantFrom('r1', 'r2', 'r10'), { maxLength: 4 }),
        vars: fc.dictionary(fc.constantFrom('a', 'B', '_c', 'threshold'), json, { maxKeys: 3 }),
        settings: fc.record({ concurrency: fc.integer({ min: 1, max: 256 }) }, { requiredKeys: [] }),
        nodes: fc.tuple(
          ...ids.map((id) =>
            fc.record(
              {
                id: fc.constant(id),
                type: fc.constantFrom('test.noop', 'enrich.ip-info'),
                version: fc.integer({ min: 1, max: 3 }),
                name: fc.string({ maxLength: 10 }),
                params: fc.dictionary(key, json, { maxKeys: 4 }),
                join: fc.constantFrom('all', 'any'),
                retry: fc.record(
                  { max: fc.integer({ min: 0, max: 20 }), backoff: fc.constantFrom('fixed', 'exponential') },
                  { requiredKeys: ['max'] },
                ),
                timeoutMs: fc.integer({ min: 1, max: 86_400_000 }),
                onError: fc.constantFrom('fail', 'continue', 'error'),
              },
              { requiredKeys: ['id', 'type', 'version'] },
            ),
          ),
        ),
        edges: fc.uniqueArray(
          fc.record(
            {
              from: fc.constantFrom(...ids),
              to: fc.constantFrom(...ids),
              port: fc.constantFrom('true', 'false', 'out', 'error'),
            },
            { requiredKeys: ['from', 'to'] },
          ),
          { maxLength: 12, selector: (e) => `${e.from}|${e.port ?? 'out'}|${e.to}` },
        ),
        layout: fc.record(
          Object.fromEntries(ids.map((id) => [id, fc.record({ x: fc.integer(), y: fc.integer() })])),
        ),
        notes: fc.uniqueArray(
          fc.record({ id: slug, text: fc.string({ maxLength: 10 }), x: fc.integer(), y: fc.integer() }),
          { maxLength: 3, selector: (n) => n.id },
        ),
      },
      { requiredKeys: ['format', 'id', 'name', 'nodes', 'edges'] },
    ),
  )
  .map((raw) => playbookSchema.parse(raw))

/** Rebuilds an object with its keys in a shuffled order, at every level. */
function shuffleKeys(value: unknown, rnd: () => number): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffleKeys(v, rnd))
  if (value === null || typeof value !== 'object') return value
  const entries = Object.entries(value).sort(() => rnd() - 0.5)
  return Object.fromEntries(entries.map(([k, v]) => [k, shuffleKeys(v, rnd)]))
}

describe('toCanonical (properties)', () => {
  it('is a fixed point: formatting the parsed canonical text gives the same text', () => {
    fc.assert(
      fc.property(playbookArb, (p) => {
        const text = toCanonical(p)
        expect(toCanonical(parse(text))).toBe(text)
        expect(text.endsWith('}\n')).toBe(true)
      }),
      { numRuns: 200 },
    )
  })

  it('does not depend on the order of nodes, edges, notes or keys', () => {
    fc.assert(
      fc.property(playbookArb, fc.integer(), (p, seed) => {
        let s = seed
        const rnd = () => {
          s = (s * 1103515245 + 12345) & 0x7fffffff
          return s / 0x7fffffff
        }
        const shuffled = shuffleKeys(
          {
            ...p,
            nodes: [...p.nodes].sort(() => rnd() - 0.5),
            edges: [...p.edges].sort(() => rnd() - 0.5),
            notes: p.notes && [...p.notes].reverse(),
            tags: p.tags && [...p.tags, ...p.tags].reverse(),
          },
          rnd,
        ) as Playbook
        expect(toCanonical(shuffled)).toBe(toCanonical(p))
      }),
      { numRuns: 200 },
    )
  })
})
