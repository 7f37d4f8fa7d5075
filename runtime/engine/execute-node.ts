import { compileParams, resolveCompiled } from '../expr/resolve.ts'
import type { PlaybookNode, RetryPolicy } from '../format/schema.ts'
import { type Json, NodeError, type NodeType } from '../node-type.ts'
import { NodeCtx } from './context.ts'
import { asJsonOutput } from './json-value.ts'
import type { Failure, RunHandle } from './run-env.ts'

/**
 * One node's execution: params, attempts, retries with backoff, the per-node timeout, and the
 * normalization of what `run` returns. Synchronous node results complete without any promise.
 *
 * Result rule: a value is a NodeResult only if it is a non-array object with an `output` or `status`
 * key; anything else (including `undefined`, which becomes null) is the output itself on port `out`.
 */

const UNSET = Symbol('unset')

/** Turns anything thrown into a Failure (non-NodeErrors become `NODE_ERROR`). */
export function toFailure(err: unknown): Failure {
  if (err instanceof NodeError) return { code: err.code, message: err.message, retryable: err.retryable }
  if (err instanceof Error) return { code: 'NODE_ERROR', message: err.message, retryable: true }
  return { code: 'NODE_ERROR', message: String(err), retryable: true }
}

/**
 * Delay before retry number `retry` (1-based). Default: fixed 1000 ms.
 * @example retryDelay({ max: 3, backoff: 'exponential', delayMs: 100 }, 3) // 400
 */
export function retryDelay(policy: RetryPolicy, retry: number): number {
  const base = policy.delayMs ?? 1000
  const raw = policy.backoff === 'exponential' ? base * 2 ** (retry - 1) : base
  return policy.maxDelayMs === undefined ? raw : Math.min(raw, policy.maxDelayMs)
}

function shouldRetry(policy: RetryPolicy | undefined, attempt: number, f: Failure): boolean {
  if (!policy || !f.retryable || attempt > policy.max) return false
  return !policy.on || policy.on.includes(f.code)
}

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return v !== null && typeof v === 'object' && typeof (v as { then?: unknown }).then === 'function'
}

/** Executes a node of a run from its first attempt to success, waiting or final failure. */
export class NodeExecution {
  private readonly node: PlaybookNode
  private params: unknown = UNSET
  private input: Record<string, unknown> | undefined
  private ctx: NodeCtx | undefined
  private timer: unknown
  private readonly timeoutMs: number | undefined

  constructor(
    private readonly run: RunHandle,
    private readonly idx: number,
    private readonly type: NodeType,
  ) {
    this.node = run.plan.nodes[idx] as PlaybookNode
    this.timeoutMs = this.node.timeoutMs ?? run.state.playbook.settings?.nodeTimeoutMs
  }

  /** In test mode: the mocked or sample result that stands in for this node, if any. */
  private simulation(): { output: unknown; port?: string | string[] } | undefined {
    const sim = this.run.state.simulate
    const mock = sim?.mocks?.[this.node.id]
    if (mock) return mock
    if (this.type.sideEffects || (this.type.external && sim?.external))
      return { output: this.type.sample ?? null }
    return undefined
  }

  /** Starts the next attempt. */
  attempt(): void {
    if (this.run.done) return
    const ns = this.run.ns[this.idx]!
    ns.attempt++
    const ctx = new NodeCtx(this.run, this.node.id, ns.attempt)
    this.ctx = ctx
    this.run.sink.emit({ type: 'node.started', nodeId: this.node.id, attempt: ns.attempt })
    const simulated = this.run.state.mode === 'test' ? this.simulation() : undefined
    if (simulated) {
      // Params are still resolved and checked, so a test run catches a broken template or value
      // on a node it simulates.
      if (this.params !== UNSET) this.succeed(ctx, simulated, true)
      else
        this.withRawParams(ctx, (raw) => {
          if (this.parse(ctx, raw)) this.succeed(ctx, simulated, true)
        })
    } else if (this.params !== UNSET) {
      this.invoke(ctx)
    } else {
      this.withRawParams(ctx, (raw) => {
        if (this.parse(ctx, raw)) this.invoke(ctx)
      })
    }
  }

  /** Completes a waiting node with the value given to `resume` (the type's `resume` hook, or output = value). */
  resume(value: unknown): void {
    const ns = this.run.ns[this.idx]!
    const ctx = new NodeCtx(this.run, this.node.id, ns.attempt)
    this.ctx = ctx
    const hook = this.type.resume
    if (!hook) {
      this.succeed(ctx, { output: value }, false)
      return
    }
    this.withRawParams(ctx, (raw) => {
      if (!this.parse(ctx, raw)) return
      try {
        this.handle(ctx, hook({ params: this.params, value, wait: ns.wait ?? null, ctx }))
      } catch (err) {
        this.failed(ctx, err)
      }
    })
  }

  /** Stops the current attempt (run cancelled, timed out or failed elsewhere). */
  abort(reason: unknown): void {
    this.clearTimer()
    if (this.ctx) {
      this.ctx.finished = true
      this.ctx.abort(reason)
    }
  }

  /** Resolves the params' templates (sync on the fast path) and hands them to `next`. */
  private withRawParams(ctx: NodeCtx, next: (raw: unknown) => void): void {
    let raw: unknown
    try {
      const compiled = compileParams(this.node.params, this.type.lazyParams)
      raw = compiled.constant
        ? this.node.params
        : resolveCompiled(compiled.value, {
            scope: this.run.scope,
            evaluator: this.run.env.evaluator,
            // Made only when an expression reaches the sandbox (most params never do).
            get signal() {
              return ctx.signal
            },
          })
    } catch (err) {
      this.failed(ctx, err)
      return
    }
    if (raw instanceof Promise)
      raw.then(next, (err) => {
        this.failed(ctx, err)
      })
    else next(raw)
  }

  private parse(ctx: NodeCtx, raw: unknown): boolean {
    if (ctx.finished || this.run.done) return false
    const parsed = this.type.params.safeParse(raw)
    if (!parsed.success) {
      const message = parsed.error.issues
        .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
        .join('; ')
      this.failed(ctx, new NodeError('INVALID_PARAMS', message, { retryable: false }))
      return false
    }
    this.params = parsed.data
    return true
  }

  private invoke(ctx: NodeCtx): void {
    this.input ??= this.run.inputOf(this.idx)
    let result: unknown
    try {
      result = this.type.run({ params: this.params, input: this.input, ctx })
    } catch (err) {
      this.failed(ctx, err)
      return
    }
    if (!isThenable(result)) {
      this.handle(ctx, result)
      return
    }
    if (this.timeoutMs !== undefined) {
      const ms = this.timeoutMs
      this.timer = this.run.env.clock.setTimeout(() => {
        this.timer = undefined
        if (ctx.finished) return
        const err = new NodeError('NODE_TIMEOUT', `node "${this.node.id}" timed out after ${ms} ms`)
        ctx.abort(err)
        this.failed(ctx, err)
      }, ms)
    }
    result.then(
      (r) => this.handle(ctx, r),
      (err) => this.failed(ctx, err),
    )
  }

  private clearTimer(): void {
    if (this.timer === undefined) return
    this.run.env.clock.clearTimeout(this.timer)
    this.timer = undefined
  }

  private handle(ctx: NodeCtx, result: unknown): void {
    if (ctx.finished || this.run.done) return
    if (result !== null && typeof result === 'object' && !Array.isArray(result)) {
      const r = result as { status?: unknown; output?: unknown; wait?: unknown; port?: unknown }
      if (r.status === 'waiting') {
        this.waiting(ctx, r.wait)
        return
      }
      if ('output' in r || 'status' in r) {
        this.succeed(ctx, r, false)
        return
      }
    }
    this.succeed(ctx, { output: result }, false)
  }

  private waiting(ctx: NodeCtx, rawWait: unknown): void {
    let wait: Json
    try {
      wait = asJsonOutput(rawWait)
    } catch (err) {
      this.failed(ctx, err)
      return
    }
    this.clearTimer()
    ctx.finished = true
    this.run.nodeWaiting(this.idx, wait)
  }

  private succeed(
    ctx: NodeCtx,
    r: { output?: unknown; port?: unknown; contained?: unknown },
    simulated: boolean,
  ): void {
    if (ctx.finished || this.run.done) return
    let output: Json
    try {
      output = asJsonOutput(r.output)
    } catch (err) {
      this.failed(ctx, err)
      return
    }
    this.clearTimer()
    ctx.finished = true
    const ports =
      r.port === undefined ? ['out'] : Array.isArray(r.port) ? r.port.map(String) : [String(r.port)]
    this.run.nodeSucceeded(this.idx, output, ports, simulated, r.contained === true)
  }

  private failed(ctx: NodeCtx, err: unknown): void {
    if (ctx.finished || this.run.done) return
    this.clearTimer()
    ctx.finished = true
    const f = toFailure(err)
    const attempt = ctx.attempt
    const policy = this.node.retry
    if (!policy || !shouldRetry(policy, attempt, f)) {
      this.run.nodeFailed(this.idx, f)
      return
    }
    const delayMs = retryDelay(policy, attempt)
    this.run.sink.emit({
      type: 'node.retrying',
      nodeId: this.node.id,
      attempt,
      delayMs,
      code: f.code,
      message: f.message,
    })
    this.timer = this.run.env.clock.setTimeout(() => {
      this.timer = undefined
      this.attempt()
    }, delayMs)
  }
}
