import { availableParallelism } from 'node:os'
import type { ExpressionEvaluator, ExpressionScope, ScriptRunner } from '../../runtime/node-type.ts'
import { sandboxError } from '../../runtime/sandbox/errors.ts'
import { resolveLimits, type SandboxLimits } from '../../runtime/sandbox/limits.ts'
import { parseLogs, parseResult, type SandboxLog } from '../../runtime/sandbox/result.ts'
import { scopeJsonFor, scriptScopeJsonFor } from '../../runtime/sandbox/scope-refs.ts'
import type { ExecOutcome } from '../../runtime/sandbox/vm.ts'
import { type ChannelStats, ExpressionChannel } from './expression-channel.ts'
import { type PoolStats, SandboxPool } from './pool.ts'

/** Operator options of the sandbox service; every field has a default. */
export interface SandboxOptions {
  /**
   * Worker threads, each with its own memory-capped QuickJS module (about 25 MB each once warm).
   * Default: the CPU count minus the one the event loop needs, between 1 and 2.
   */
  workers?: number
  limits?: Partial<SandboxLimits>
  /** Wall-clock time past the deadline before a stuck worker is killed. Default 250 ms. */
  graceMs?: number
  /** Fresh runtimes each worker keeps warm when it cannot use a memory image. Default 2. */
  warm?: number
  /** Jobs that may wait for a worker. Default 10,000. */
  maxQueue?: number
  /**
   * How the host reaches each pool worker: a shared buffer of `bytes` (default 1 MiB; larger jobs
   * and answers go through a MessagePort), a worker that spins `spinUs` (default 100) for the next
   * job before it sleeps, and a host that blocks for the answer of a job it hands to an idle worker
   * when nothing else waits: until the job has run 1 ms (the worker says so), at most `syncWaitMs`
   * (default 5; only code stuck in QuickJS's C code reaches it).
   */
  link?: { bytes?: number; spinUs?: number; syncWaitMs?: number }
  /**
   * The synchronous expression channel (a dedicated worker behind a SharedArrayBuffer, started with
   * the first full expression), or `false` to evaluate every expression on the pool. `syncWaitMs` (default 5) bounds how long the host
   * thread blocks per expression; `bytes` (default 1 MiB) is the largest request and answer.
   */
  expressionChannel?: false | { syncWaitMs?: number; bytes?: number; spinUs?: number }
}

/** The sandbox service the engine receives: runs script nodes and evaluates `{{ }}` expressions. */
export interface Sandbox extends ExpressionEvaluator, ScriptRunner {
  run(
    code: string,
    scope: ExpressionScope & { input: unknown },
    opts?: { signal?: AbortSignal },
  ): Promise<{ value: unknown; logs: SandboxLog[] }>
  stats(): PoolStats & { limits: SandboxLimits; channel?: ChannelStats }
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
    workers: Math.max(1, options.workers ?? Math.min(2, availableParallelism() - 1)),
    limits,
    graceMs: options.graceMs ?? 250,
    warm: options.warm ?? 2,
    maxQueue: options.maxQueue ?? 10_000,
    link: {
      bytes: options.link?.bytes ?? 2 ** 20,
      spinUs: options.link?.spinUs ?? 100,
      syncWaitMs: options.link?.syncWaitMs ?? 5,
    },
  })
  await pool.start()
  const graceMs = options.graceMs ?? 250
  const ch = options.expressionChannel ?? {}
  // The channel's worker starts with the first full expression (until it is ready, expressions run on
  // the pool): playbooks without any do not pay for its thread.
  let channel: ExpressionChannel | undefined
  let channelStarted = false
  if (ch !== false) {
    const { config, resourceLimits } = pool.workerSetup
    channel = new ExpressionChannel(config, resourceLimits, {
      syncWaitMs: ch.syncWaitMs ?? 5,
      killAfterMs: limits.expressionTimeoutMs + graceMs,
      bytes: ch.bytes ?? 2 ** 20,
      spinUs: ch.spinUs ?? 100,
    })
  }
  const fastChannel = () => {
    if (channel && !channelStarted) {
      channelStarted = true
      channel.start().catch(() => {})
    }
    return channel
  }

  const settle = (outcome: ExecOutcome) => {
    if (!outcome.ok) {
      const error = sandboxError(outcome.failure)
      Object.assign(error, { logs: parseLogs(outcome.logs) })
      throw error
    }
    return parseResult(outcome.json, limits)
  }

  return {
    evaluate(expression, scope, signal) {
      try {
        if (signal?.aborted) return later(pool.submit('expression', expression, '{}', signal), settle)
        const json = scopeJson(() => scopeJsonFor(expression, scope))
        const fast = fastChannel()?.call(expression, json, signal)
        if (fast === undefined) return later(pool.submit('expression', expression, json, signal), settle)
        if ('ok' in fast) return Promise.resolve(settle(fast))
        // An answer too large for the shared buffer is computed again on the pool (expressions are pure).
        return fast.then((o) => o ?? pool.submit('expression', expression, json, signal)).then(settle)
      } catch (e) {
        return Promise.reject(e)
      }
    },
    run(code, scope, opts) {
      let json: string
      try {
        // Only the roots (and nodes) the code names: it can reach no others.
        json = scopeJson(() => scriptScopeJsonFor(code, scope))
      } catch (e) {
        return Promise.reject(e)
      }
      return later(pool.submit('script', code, json, opts?.signal), (outcome) => ({
        value: settle(outcome),
        logs: parseLogs(outcome.logs),
      }))
    },
    stats: () => ({ ...pool.stats(), limits, channel: channel?.stats() }),
    close: () => {
      channel?.close()
      return pool.close()
    },
  }
}

/** Applies `f` to an outcome that is there already or to come, as a promise (rejected if `f` throws). */
function later<T>(outcome: ExecOutcome | Promise<ExecOutcome>, f: (o: ExecOutcome) => T): Promise<T> {
  if (outcome instanceof Promise) return outcome.then(f)
  try {
    return Promise.resolve(f(outcome))
  } catch (e) {
    return Promise.reject(e)
  }
}

function scopeJson(stringify: () => string): string {
  try {
    return stringify()
  } catch (e) {
    throw sandboxError({
      code: 'SCRIPT_ERROR',
      message: `the scope cannot be passed to the sandbox: ${String(e)}`,
    })
  }
}

export { SANDBOX_CODES, type SandboxCode } from '../../runtime/sandbox/errors.ts'
export type { SandboxLimits, SandboxLog }
