import type { ExpressionScope } from '../../runtime/node-type.ts'
import type { Sandbox } from './index.ts'

/** A scope for tests: one run's data. */
export function scopeFor(input: unknown = {}, runId = 'run-1'): ExpressionScope & { input: unknown } {
  return {
    input,
    trigger: { severity: 'high', src_ip: '10.1.2.3', runId },
    nodes: { vt: { output: { malicious: 5 } } },
    vars: {},
    run: { id: runId, playbookId: 'pb', mode: 'test', startedAt: 0 },
  }
}

/** Runs a script and returns its error code (or 'OK'). */
export async function codeOf(sandbox: Sandbox, code: string): Promise<string> {
  try {
    await sandbox.run(code, scopeFor())
    return 'OK'
  } catch (e) {
    return (e as { code?: string }).code ?? String(e)
  }
}

/** Resident set size in MB, after a GC when exposed. */
export function rssMb(): number {
  ;(globalThis as { gc?: () => void }).gc?.()
  return process.memoryUsage().rss / 2 ** 20
}
