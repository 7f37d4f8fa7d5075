import { z } from 'zod'
import {
  CURRENT_FORMAT,
  type Playbook,
  type PlaybookEdge,
  type PlaybookNode,
} from '../runtime/format/schema.ts'
import { createRegistry, defineNode } from '../runtime/node-type.ts'

/** A node type that does nothing: the engine's own cost is all that is measured. */
export const noop = defineNode({
  type: 'bench.noop',
  version: 1,
  category: 'transform',
  title: 'No-op',
  params: z.object({ value: z.unknown().optional() }),
  run: () => ({ output: null }),
})

/** The registry the benchmarks run against. */
export const benchRegistry = createRegistry([noop])

function node(id: string, params: Record<string, unknown> = {}): PlaybookNode {
  return { id, type: 'bench.noop', version: 1, params }
}

function playbook(id: string, nodes: PlaybookNode[], edges: PlaybookEdge[]): Playbook {
  return { format: CURRENT_FORMAT, id, name: id, nodes, edges }
}

/** n nodes in a line: n0 → n1 → … */
export function chain(n: number): Playbook {
  const nodes = Array.from({ length: n }, (_, i) => node(`n${i}`))
  const edges = nodes.slice(1).map((_, i) => ({ from: `n${i}`, to: `n${i + 1}` }))
  return playbook(`chain-${n}`, nodes, edges)
}

/** One source, n parallel nodes, one join: n + 2 nodes, 2n edges. */
export function fanOutIn(n: number): Playbook {
  const middle = Array.from({ length: n }, (_, i) => node(`m${i}`))
  const nodes = [node('source'), ...middle, node('sink')]
  const edges = middle.flatMap((m) => [
    { from: 'source', to: m.id },
    { from: m.id, to: 'sink' },
  ])
  return playbook(`fan-${n}`, nodes, edges)
}

/** A 10-node playbook like a small triage flow, with templated params. */
export function small(): Playbook {
  const ids = ['start', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'end']
  const nodes = ids.map((id) => node(id, { value: '{{ trigger.alert.id }}' }))
  const edges: PlaybookEdge[] = [
    { from: 'start', to: 'a' },
    { from: 'start', to: 'b' },
    { from: 'a', to: 'c' },
    { from: 'b', to: 'd' },
    { from: 'c', to: 'e' },
    { from: 'd', to: 'e' },
    { from: 'e', to: 'f' },
    { from: 'f', to: 'g' },
    { from: 'f', to: 'h' },
    { from: 'g', to: 'end' },
    { from: 'h', to: 'end' },
  ]
  return playbook('small-10', nodes, edges)
}
