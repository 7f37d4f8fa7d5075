import { compileValue, resolveCompiled } from '../runtime/expr/resolve.ts'
import type { ExpressionEvaluator, ExpressionScope } from '../runtime/node-type.ts'
import { createSandbox } from '../server/sandbox/index.ts'
import type { Row } from './engine.ts'
import { collectGarbage, fmt, quantile } from './measure.ts'

/**
 * Sandbox figures for `npm run bench`: one script-node execution with full isolation (a fresh
 * QuickJS runtime + context per execution, pre-warmed off the hot path), one warm expression
 * through the synchronous channel (back to back, and after 1 ms idle, when waking the sleeping
 * worker thread dominates), a plain-path `{{ }}` resolved natively (the evaluator-call count proves
 * QuickJS is never reached), the throughput of back-to-back scripts, and the memory footprint.
 */
export async function benchSandbox(): Promise<Row[]> {
  collectGarbage()
  const rss0 = process.memoryUsage().rss
  const sandbox = await createSandbox()
  const scope = {
    input: { ip: '10.1.2.3' },
    trigger: { severity: 'high', src_ip: '10.1.2.3' },
    nodes: { vt: { output: { malicious: 5 } } },
    vars: {},
    run: { id: 'r', playbookId: 'pb', mode: 'test' as const, startedAt: 0 },
  }
  const script = 'return { bad: nodes.vt.output.malicious > 3, ip: input.ip }'
  const expr = 'nodes.vt.output.malicious > 3 && trigger.severity === "high"'
  const pause = () => new Promise((r) => setTimeout(r, 1))
  // Warm up to steady state: V8 moves hot WASM and host code to its optimizing tier over the first
  // few thousand executions.
  for (let i = 0; i < 3000; i++) await sandbox.run(script, scope)
  const scripts = await timed(1000, () => sandbox.run(script, scope), pause)
  // The same script in a run with a 5 KB alert and a 57 KB upstream output it does not read.
  const bigScope = {
    ...scope,
    trigger: {
      ...scope.trigger,
      raw: Array.from({ length: 60 }, (_, i) => ({ field: `f${i}`, value: 'v'.repeat(60) })),
    },
    nodes: {
      ...scope.nodes,
      report: {
        output: {
          data: Array.from({ length: 400 }, (_, i) => ({
            engine: `e${i}`,
            result: 'clean',
            detail: 'd'.repeat(100),
          })),
        },
      },
    },
  }
  const bigScripts = await timed(500, () => sandbox.run(script, bigScope), pause)
  // The channel's worker starts with the first full expression (until it is ready, expressions go to
  // the pool): measure the steady state, once it answers.
  const channelDeadline = performance.now() + 10_000
  while (!sandbox.stats().channel?.ready && performance.now() < channelDeadline)
    await sandbox.evaluate(expr, scope)
  for (let i = 0; i < 500; i++) await sandbox.evaluate(expr, scope)
  const exprs = await timed(5000, () => sandbox.evaluate(expr, scope))
  const idleExprs = await timed(500, () => sandbox.evaluate(expr, scope), pause)

  let evaluatorCalls = 0
  const counting: ExpressionEvaluator = {
    evaluate: (e: string, s: ExpressionScope, signal?: AbortSignal) => {
      evaluatorCalls++
      return sandbox.evaluate(e, s, signal)
    },
  }
  const plain = compileValue('{{ nodes.vt.output.malicious }}')
  const paths = await timed(20_000, async () => {
    if (resolveCompiled(plain, { scope, evaluator: counting }) !== 5) throw new Error('plain path broken')
  })

  const t = performance.now()
  await Promise.all(Array.from({ length: 2000 }, () => sandbox.run(script, scope)))
  const perSec = Math.round(2000 / ((performance.now() - t) / 1000))
  collectGarbage()
  const rssMb = (process.memoryUsage().rss - rss0) / 2 ** 20
  const s = sandbox.stats()
  await sandbox.close()
  const us = (ms: number) => `${fmt(ms * 1000, 0)} µs`
  const rows: Row[] = [
    {
      name: 'sandbox script node, full isolation (p50 / p99)',
      value: `${us(scripts.p50)} / ${us(scripts.p99)}`,
      target: '≤ 100 µs p50',
    },
    {
      name: 'sandbox script node in a run with a 5 KB alert and a 57 KB output it does not read (p50 / p99)',
      value: `${us(bigScripts.p50)} / ${us(bigScripts.p99)}`,
    },
    { name: 'sandbox scripts back to back, per second', value: perSec.toLocaleString('en-US') },
    {
      name: 'sandbox warm expression (p50 / p99)',
      value: `${us(exprs.p50)} / ${us(exprs.p99)}`,
      target: '≤ 10 µs p50',
    },
    {
      name: 'sandbox expression after 1 ms idle (p50 / p99)',
      value: `${us(idleExprs.p50)} / ${us(idleExprs.p99)}`,
    },
    {
      name: 'plain path {{ nodes.vt.output.malicious }} (p50)',
      value: `${fmt(paths.p50 * 1000, 2)} µs, evaluator calls: ${evaluatorCalls}`,
      target: 'never touches QuickJS (0 calls)',
    },
    {
      name: `sandbox footprint (${s.workers} workers + expression worker)`,
      value: `RSS +${fmt(rssMb, 0)} MB, WASM ${fmt((s.wasmBytes + (s.channel?.wasmBytes ?? 0)) / 2 ** 20, 0)} MB`,
    },
  ]
  return rows
}

async function timed(n: number, f: () => Promise<unknown>, between?: () => Promise<unknown>) {
  const ts: number[] = []
  for (let i = 0; i < n; i++) {
    const t = performance.now()
    await f()
    ts.push(performance.now() - t)
    if (between) await between()
  }
  return { p50: quantile(ts, 0.5), p99: quantile(ts, 0.99) }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await benchSandbox()
  const width = Math.max(...rows.map((r) => r.name.length))
  for (const r of rows)
    console.log(`${r.name.padEnd(width)}  ${r.value}${r.target ? `   (target ${r.target})` : ''}`)
}
