import { createEngine } from '../runtime/engine/engine.ts'
import { validatePlaybook } from '../runtime/format/index.ts'
import type { Playbook } from '../runtime/format/schema.ts'
import { benchRegistry, chain, fanOutIn, small } from './graphs.ts'
import { fmt, quantile, sample } from './measure.ts'

export interface Row {
  name: string
  value: string
  target?: string
}

async function runOnce(pb: Playbook): Promise<void> {
  const engine = createEngine({ registry: benchRegistry })
  let events = 0
  const result = await engine.start(pb, { trigger: { alert: { id: 'a-1' } }, onEvent: () => void events++ })
  if (result.status !== 'succeeded')
    throw new Error(`${pb.id} ended ${result.status}: ${JSON.stringify(result.error)}`)
}

/** Median wall time of whole runs of `pb`, divided by its node count: the engine's cost per node. */
async function perNode(pb: Playbook, iterations: number): Promise<{ perNodeUs: number; runMs: number }> {
  const times = await sample(() => runOnce(pb), iterations, 5)
  const runMs = quantile(times, 0.5)
  return { perNodeUs: (runMs * 1000) / pb.nodes.length, runMs }
}

/** Engine and validation figures for the README's Performance section. */
export async function benchEngine(): Promise<Row[]> {
  const rows: Row[] = []
  for (const [label, pb, it] of [
    ['chain 1,000 nodes', chain(1000), 60],
    ['chain 10,000 nodes', chain(10_000), 10],
    ['fan-out/in 1,000 wide', fanOutIn(1000), 60],
    ['fan-out/in 10,000 wide', fanOutIn(10_000), 10],
  ] as const) {
    const r = await perNode(pb, it)
    rows.push({
      name: `engine overhead per node, ${label}`,
      value: `${fmt(r.perNodeUs)} µs (run ${fmt(r.runMs, 1)} ms)`,
      target: '≤ 5 µs',
    })
  }

  for (const [label, pb, it] of [
    ['1,000 nodes (chain)', chain(1000), 40],
    ['10,000 nodes (chain)', chain(10_000), 10],
    ['10,000 nodes (fan-out/in)', fanOutIn(10_000), 10],
  ] as const) {
    const raw = JSON.parse(JSON.stringify(pb))
    const times = await sample(
      () => {
        const r = validatePlaybook(raw, { registry: benchRegistry })
        if (!r.ok) throw new Error(`bench playbook invalid: ${JSON.stringify(r.problems.slice(0, 3))}`)
      },
      it,
      3,
    )
    rows.push({
      name: `validate ${label}`,
      value: `${fmt(quantile(times, 0.5), 1)} ms`,
      target: label.startsWith('10,000') ? '< 500 ms with the run' : undefined,
    })
  }

  const big = chain(10_000)
  const bigRaw = JSON.parse(JSON.stringify(big))
  const both = await sample(
    async () => {
      const r = validatePlaybook(bigRaw, { registry: benchRegistry })
      if (!r.ok || !r.playbook) throw new Error('invalid')
      await runOnce(r.playbook)
    },
    10,
    2,
  )
  rows.push({
    name: 'validate + run 10,000 nodes (chain)',
    value: `${fmt(quantile(both, 0.5), 1)} ms`,
    target: '< 500 ms',
  })

  const pb = small()
  const engine = createEngine({ registry: benchRegistry })
  const seconds = 2
  const until = performance.now() + seconds * 1000
  let runs = 0
  while (performance.now() < until) {
    const r = await engine.start(pb, { trigger: { alert: { id: `a-${runs}` } } })
    if (r.status !== 'succeeded') throw new Error('small run failed')
    runs++
  }
  rows.push({
    name: 'runs per second, 10-node playbook of no-op nodes',
    value: `${Math.round(runs / seconds).toLocaleString('en-US')}`,
  })
  return rows
}
