import { availableParallelism } from 'node:os'
import type { ExpressionEvaluator, ExpressionScope, ScriptRunner } from '../../runtime/node-type.ts'
import { sandboxError } from '../../runtime/sandbox/errors.ts'
import { resolveLimits, type SandboxLimits } from '../../runtime/sandbox/limits.ts'
import { parseLogs, parseResult, type SandboxLog } from '../../runtime/sandbox/result.ts'
import type { ExecOutcome } from '../../runtime/sandbox/vm.ts'
import { type PoolStats, SandboxPool } from './pool.ts'

/** Operator options of the sandbox service; every field has a default. */
export interface SandboxOptions {
  /** Worker threads, each with its own memory-capped QuickJS module. Default: 2 (at most the CPU count). */
  workers?: number
  limits?: Partial<SandboxLimits>
  /** Wall-clock time past the deadline before a stuck worker is killed. Default 250 ms. */
  graceMs?: number
  /** Fresh runtimes each worker keeps warm. Default 2. */
  warm?: number
  /** Jobs that may wait for a worker. Default 10,000. */
  maxQueue?: number
}

/** The sandbox service the engine receives: runs script nodes and evaluates `{{ }}` expressions. */
export interface Sandbox extends ExpressionEvaluator, ScriptRunner {
  run(
    code: string,
    scope: ExpressionScope & { input: unknown },
    opts?: { signal?: AbortSignal },
  ): Promise<{ value: unknown; logs: SandboxLog[] }>
  stats(): PoolStats & { limits: SandboxLimits }
  close(): Promise<void>
}

/**
 * Starts the sandbox service: worker threads with QuickJS on capped WASM memory, a kill switch for
 * code that outlives its deadline, JSON in and out. Failures reject with a `NodeError` whose code is
 * one of `SANDBOX_CODES`.
 * @example
 * const sandbox = await createSandbox({ limits: { timeoutMs: 500 } })
 * const { value } = await sandbox.run('return input.n * 2', { ...scope, input: { n: 21 } }) // 42
 */
export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const limits = resolveLimits(options.limits)
  const pool = new SandboxPool({
    workers: Math.max(1, options.workers ?? Math.min(2, availableParallelism())),
    limits,
    graceMs: options.graceMs ?? 250,
    warm: options.warm ?? 2,
    maxQueue: options.maxQueue ?? 10_000,
  })
  await pool.start()

  const settle = (outcome: ExecOutcome) => {
    if (!outcome.ok) {
      const error = sandboxError(outcome.failure)
      Object.assign(error, { logs: parseLogs(outcome.logs) })
      throw error
    }
    return parseResult(outcome.json, limits)
  }

  return {
    async evaluate(expression, scope, signal) {
      const json = scopeJson({
        trigger: scope.trigger,
        nodes: scope.nodes,
        vars: scope.vars,
        item: scope.item,
        run: scope.run,
      })
      return settle(await pool.submit('expression', expression, json, signal))
    },
    async run(code, scope, opts) {
      const json = scopeJson({
        input: scope.input,
        trigger: scope.trigger,
        nodes: scope.nodes,
        vars: scope.vars,
        item: scope.item,
        run: scope.run,
      })
      const outcome = await pool.submit('script', code, json, opts?.signal)
      const value = settle(outcome)
      return { value, logs: parseLogs(outcome.logs) }
    },
    stats: () => ({ ...pool.stats(), limits }),
    close: () => pool.close(),
  }
}

function scopeJson(scope: Record<string, unknown>): string {
  try {
    return JSON.stringify(scope)
  } catch (e) {
    throw sandboxError({
      code: 'SCRIPT_ERROR',
      message: `the scope cannot be passed to the sandbox: ${String(e)}`,
    })
  }
}

export { SANDBOX_CODES, type SandboxCode } from '../../runtime/sandbox/errors.ts'
export type { SandboxLimits, SandboxLog }
