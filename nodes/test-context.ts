import type { ExpressionScope, Json, NodeContext } from '../runtime/node-type.ts'

/**
 * Builds a `NodeContext` for node unit tests: a fixed clock, an in-memory log and secrets, and no
 * sandbox. Override what a test needs.
 * @example const ctx = testContext({ trigger: { ip: '1.2.3.4' } })
 */
export function testContext(
  overrides: Partial<NodeContext> & { secretValues?: Record<string, string> } = {},
): NodeContext & { logs: { level: string; message: string; data?: Json }[] } {
  const { secretValues = {}, ...rest } = overrides
  const logs: { level: string; message: string; data?: Json }[] = []
  const trigger = rest.trigger ?? {}
  const vars = rest.vars ?? {}
  const scope: ExpressionScope = rest.scope ?? {
    trigger,
    nodes: {},
    vars,
    run: { id: 'run_test', playbookId: 'test-playbook', mode: 'test', startedAt: TEST_NOW },
  }
  return {
    runId: 'run_test',
    nodeId: 'node_under_test',
    playbookId: 'test-playbook',
    mode: 'test',
    attempt: 1,
    signal: new AbortController().signal,
    now: () => TEST_NOW,
    log: {
      log: (level, message, data) => logs.push({ level, message, ...(data === undefined ? {} : { data }) }),
    },
    secrets: { get: async (name) => secretValues[name] },
    resolve: async (value) => value,
    runPlaybook: async () => {
      throw new Error('runPlaybook is not available in this test context')
    },
    ...rest,
    trigger,
    vars,
    scope,
    logs,
  }
}

/** The fixed clock of `testContext`: 2026-01-15T10:00:00.000Z. */
export const TEST_NOW = Date.UTC(2026, 0, 15, 10, 0, 0)

/** Normalizes a node's `run` result to `{ output, port }` (a plain value means port `out`). */
export function asResult(result: unknown): {
  output: unknown
  port: string | string[]
  status?: string
  wait?: unknown
} {
  if (result && typeof result === 'object' && ('output' in result || 'status' in result)) {
    const r = result as { output?: unknown; port?: string | string[]; status?: string; wait?: unknown }
    return { output: r.output, port: r.port ?? 'out', status: r.status, wait: r.wait }
  }
  return { output: result, port: 'out' }
}
