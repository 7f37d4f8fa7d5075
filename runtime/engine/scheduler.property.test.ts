import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import type { PlaybookEdge, PlaybookNode } from '../format/schema.ts'
import { createRegistry, defineNode, NodeError } from '../node-type.ts'
import { createEngine } from './engine.ts'
import { pb } from './test-nodes.ts'
import type { RunEvent } from './types.ts'

const PORTS = ['out', 'a', 'b'] as const

/** A node whose behaviour is fully given by its params: fail or fire ports, sync or async. */
const prop = defineNode({
  type: 'test.prop',
  version: 1,
  category: 'transform',
  title: 'property node',
  params: z.object({ ports: z.array(z.string()), fail: z.boolean(), async: z.boolean() }),
  run({ params }) {
    const done = () => {
      if (params.fail) throw new NodeError('PROP_FAIL', 'planned failure', { retryable: false })
      return { output: params.ports.length, port: params.ports }
    }
    return params.async ? new Promise((r) => setTimeout(r, 0)).then(done) : done()
  },
})

const nodeSpec = fc.record({
  ports: fc.subarray([...PORTS]),
  fail: fc.boolean(),
  async: fc.boolean(),
  join: fc.constantFrom('all', 'any'),
  onError: fc.constantFrom('fail', 'continue', 'error'),
})

const dag = fc.integer({ min: 2, max: 14 }).chain((size) =>
  fc.record({
    nodes: fc.array(nodeSpec, { minLength: size, maxLength: size }),
    edges: fc.uniqueArray(
      fc
        .tuple(
          fc.integer({ min: 0, max: size - 2 }),
          fc.integer({ min: 1, max: size - 1 }),
          fc.constantFrom(...PORTS),
        )
        .map(([i, off, port]): [number, number, string] => [i, Math.min(size - 1, i + off), port]),
      { maxLength: size * 3, selector: ([i, j, p]) => `${i}-${j}-${p}` },
    ),
    concurrency: fc.integer({ min: 1, max: 4 }),
  }),
)

type Spec = { ports: string[]; fail: boolean; join: string; onError: string }

/** The semantics, evaluated sequentially in index (= topological) order. */
function model(specs: Spec[], edges: [number, number, string][]) {
  const status: string[] = []
  const fired: (string[] | null)[] = []
  let runFailed = false
  for (let j = 0; j < specs.length; j++) {
    const s = specs[j]!
    const inc = edges.filter(([, to]) => to === j)
    const live = inc.filter(([from, , port]) => fired[from]?.includes(port))
    if (inc.length > 0 && live.length === 0) {
      status[j] = 'skipped'
      fired[j] = null
    } else if (s.fail) {
      status[j] = 'failed'
      fired[j] = s.onError === 'continue' ? ['out'] : s.onError === 'error' ? ['error'] : null
      if (s.onError === 'fail') runFailed = true
    } else {
      status[j] = 'succeeded'
      fired[j] = s.ports
    }
  }
  return { status, runFailed }
}

describe('random DAGs', () => {
  it('keep the run semantics', async () => {
    const engine = createEngine({ registry: createRegistry([prop]) })
    await fc.assert(
      fc.asyncProperty(dag, async ({ nodes: specs, edges: rawEdges, concurrency }) => {
        const nodes: PlaybookNode[] = specs.map((s, i) => ({
          id: `n${i}`,
          type: 'test.prop',
          version: 1,
          params: { ports: s.ports, fail: s.fail, async: s.async },
          join: s.join as 'all' | 'any',
          onError: s.onError as 'fail' | 'continue' | 'error',
        }))
        const edges: PlaybookEdge[] = rawEdges.map(([i, j, port]) => ({ from: `n${i}`, to: `n${j}`, port }))
        const events: RunEvent[] = []
        const r = await engine.start(pb(nodes, edges, { settings: { concurrency } }), {
          onEvent: (ev) => events.push(ev),
        })
        const terminal = new Set(['succeeded', 'failed', 'skipped', 'cancelled'])

        // every node ends in exactly one terminal state, with exactly one terminal event
        const ends = new Map<string, number>()
        const starts = new Map<string, number>()
        for (const ev of events) {
          if (ev.type === 'node.started') starts.set(ev.nodeId, ev.seq)
          if (
            ev.type === 'node.succeeded' ||
            ev.type === 'node.failed' ||
            ev.type === 'node.skipped' ||
            ev.type === 'node.cancelled'
          ) {
            expect(ends.has(ev.nodeId)).toBe(false)
            ends.set(ev.nodeId, ev.seq)
          }
        }
        for (const node of nodes) expect(terminal.has(r.state.nodes[node.id]!.status)).toBe(true)
        expect(events.map((ev) => ev.seq)).toEqual(events.map((_, i) => i))

        const { status, runFailed } = model(specs, rawEdges)
        expect(r.status).toBe(runFailed ? 'failed' : 'succeeded')
        for (let j = 0; j < nodes.length; j++) {
          const id = `n${j}`
          const s = r.state.nodes[id]!
          const inc = rawEdges.filter(([, to]) => to === j)
          const liveSources = inc
            .filter(([from, , port]) => r.state.nodes[`n${from}`]!.ports?.includes(port))
            .map(([from]) => `n${from}`)
          // no node starts before its live predecessors (all of them for join all, one for join any) finished
          const started = starts.get(id)
          if (started !== undefined) {
            const done = liveSources.filter((src) => (ends.get(src) ?? Infinity) < started)
            if (specs[j]!.join === 'all') {
              expect(done).toEqual(liveSources)
              for (const [from] of inc) expect(ends.get(`n${from}`) ?? Infinity).toBeLessThan(started)
            } else if (inc.length > 0) expect(done.length).toBeGreaterThan(0)
          }
          // skipped nodes have all incoming edges dead
          if (s.status === 'skipped') {
            expect(inc.length).toBeGreaterThan(0)
            expect(liveSources).toEqual([])
          }
          // without a run failure, the outcome matches the sequential model exactly
          if (!runFailed) expect(s.status).toBe(status[j])
          else if (s.status !== 'cancelled') expect(s.status).toBe(status[j])
        }
      }),
      { numRuns: 300 },
    )
  })
})
