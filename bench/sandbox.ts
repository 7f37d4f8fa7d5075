import { createSandbox } from '../server/sandbox/index.ts'

/**
 * Sandbox figures for `npm run bench`: one script-node execution with full isolation (a fresh
 * QuickJS runtime per execution, pre-warmed off the hot path), one warm expression, the throughput
 * when calls come back to back, and the memory footprint.
 */
export async function benchSandbox(): Promise<Record<string, string | number>> {
  const rss0 = process.memoryUsage().rss
  const sandbox = await createSandbox()
  const footprintMb = (process.memoryUsage().rss - rss0) / 2 ** 20
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
  for (let i = 0; i < 200; i++) await sandbox.run(script, scope)
  const paced = await sample(1000, () => sandbox.run(script, scope), pause)
  const exprs = await sample(5000, () => sandbox.evaluate(expr, scope))
  const t = performance.now()
  await Promise.all(Array.from({ length: 2000 }, () => sandbox.run(script, scope)))
  const perSec = Math.round(2000 / ((performance.now() - t) / 1000))
  const s = sandbox.stats()
  await sandbox.close()
  const out = {
    'sandbox.script.p50_us': paced.p50,
    'sandbox.script.p99_us': paced.p99,
    'sandbox.script.throughput_per_s': perSec,
    'sandbox.expression.p50_us': exprs.p50,
    'sandbox.expression.p99_us': exprs.p99,
    'sandbox.footprint_mb': Math.round(footprintMb),
    'sandbox.wasm_mb': Math.round(s.wasmBytes / 2 ** 20),
    'sandbox.workers': s.workers,
  }
  console.table(out)
  return out
}

async function sample(n: number, f: () => Promise<unknown>, between?: () => Promise<unknown>) {
  const ts: number[] = []
  for (let i = 0; i < n; i++) {
    const t = performance.now()
    await f()
    ts.push(performance.now() - t)
    if (between) await between()
  }
  ts.sort((a, b) => a - b)
  const at = (q: number) => Math.round(ts[Math.min(ts.length - 1, Math.floor(ts.length * q))]! * 1000)
  return { p50: at(0.5), p99: at(0.99) }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchSandbox()
