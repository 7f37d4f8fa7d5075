import { parsePlaybook, validatePlaybook } from '../runtime/format/index.ts'
import type { Row } from './engine.ts'
import { benchRegistry, chain } from './graphs.ts'
import { fmt, quantile, sample } from './measure.ts'

/** Validation of hostile input: each must end in a clear problem (or a result) well within a second. */
export async function benchHostile(): Promise<Row[]> {
  const big = JSON.stringify(chain(50_000))
  const deep = `{"format":"bulwark.playbook/2","id":"deep","name":"d","nodes":[{"id":"a","type":"bench.noop","version":1,"params":{"value":${'['.repeat(10_000)}${']'.repeat(10_000)}}}],"edges":[]}`
  const huge = JSON.stringify({ ...chain(2), name: 'x'.repeat(10_000_000) })
  const malformed = `${big.slice(0, big.length / 2)}`
  const rows: Row[] = []
  for (const [label, text] of [
    ['50,000 nodes', big],
    ['10,000-deep nesting', deep],
    ['a 10 MB string', huge],
    ['malformed JSON (5 MB, cut in half)', malformed],
  ] as const) {
    let codes = ''
    const times = await sample(
      () => {
        const r = parsePlaybook(text, { registry: benchRegistry })
        codes = [...new Set(r.problems.map((p) => p.code))].join(', ') || 'ok'
      },
      5,
      1,
    )
    rows.push({
      name: `hostile input: ${label}`,
      value: `${fmt(quantile(times, 0.5), 1)} ms → ${codes}`,
      target: '< 1 s',
    })
  }
  const times = await sample(() => validatePlaybook(null), 5, 1)
  rows.push({ name: 'hostile input: null', value: `${fmt(quantile(times, 0.5), 3)} ms` })
  return rows
}
