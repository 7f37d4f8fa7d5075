import type { EngineEnv, RunHandle } from './run-env.ts'
import type { RunError, RunResult, RunStatus } from './types.ts'

/**
 * The end of a run: the run-level deadline, the cancellation signal, the check made when nothing can
 * progress any more (suspended, stuck, or succeeded once the playbook's outputs are computed), and
 * `finish`, which aborts what still runs, cancels what never will and settles the run's result.
 */

/** What the end of a run needs from the run. */
export interface EndingRun extends RunHandle {
  done: boolean
  /** Node executions in flight, aborted when the run ends. */
  readonly active: Map<number, { abort(reason: unknown): void }>
}

/** Owns a run's result promise, its deadline timer and its abort listener. One per run. */
export class RunEnd {
  readonly result: Promise<RunResult>
  private settle!: (r: RunResult) => void
  private timer: unknown
  private abortListener: (() => void) | undefined
  /** Set while async outputs are computed: the run is held open and not completed twice. */
  private completing = false

  constructor(private readonly run: EndingRun) {
    this.result = new Promise((resolve) => {
      this.settle = resolve
    })
  }

  /**
   * Arms the run-level deadline and listens to the cancellation signal. A deadline already past (a run
   * resumed or recovered too late) or an already aborted signal ends the run at once.
   */
  arm(): void {
    const { state, env, opts } = this.run
    if (state.deadline !== undefined) {
      const ms = state.deadline - env.clock.now()
      if (ms <= 0) {
        this.timeOut()
        return
      }
      this.timer = env.clock.setTimeout(() => {
        this.timer = undefined
        this.timeOut()
      }, ms)
    }
    if (opts.signal) {
      const cancel = () => this.finish('cancelled', { code: 'CANCELLED', message: 'run cancelled' })
      if (opts.signal.aborted) {
        cancel()
        return
      }
      this.abortListener = cancel
      opts.signal.addEventListener('abort', cancel, { once: true })
    }
  }

  /**
   * Ends a run in which nothing runs and nothing is ready: `waiting` if nodes wait, `failed` (STUCK)
   * if some nodes never settled, otherwise `succeeded` with the playbook's outputs.
   */
  complete(waiting: number, settled: number): void {
    const { run } = this
    if (this.completing) return
    if (waiting > 0) {
      this.finish('waiting')
      return
    }
    if (settled < run.ns.length) {
      this.finish('failed', {
        code: 'STUCK',
        message: 'some nodes can never run (is the graph cyclic?)',
      })
      return
    }
    let outputs: ReturnType<EngineEnv['computeOutputs']>
    try {
      outputs = run.env.computeOutputs(run)
    } catch (err) {
      this.finish('failed', outputError(err))
      return
    }
    if (!(outputs instanceof Promise)) {
      if (outputs) run.state.outputs = outputs
      this.finish('succeeded')
      return
    }
    this.completing = true
    outputs.then(
      (o) => {
        run.state.outputs = o
        this.finish('succeeded')
      },
      (err) => this.finish('failed', outputError(err)),
    )
  }

  /** Ends the run. Running nodes are aborted; pending, running and (unless suspending) waiting nodes end cancelled. */
  finish(status: RunStatus, error?: RunError): void {
    const { run } = this
    if (run.done) return
    run.done = true
    const { state, env, ns, sink } = run
    if (this.timer !== undefined) env.clock.clearTimeout(this.timer)
    if (this.abortListener) run.opts.signal?.removeEventListener('abort', this.abortListener)
    for (const exec of run.active.values()) exec.abort(error ?? status)
    run.active.clear()
    const now = env.clock.now()
    if (status !== 'succeeded' && status !== 'waiting') {
      for (let i = 0; i < ns.length; i++) {
        const s = ns[i]!
        if (s.status !== 'pending' && s.status !== 'running' && s.status !== 'waiting') continue
        const wasStarted = s.status !== 'pending'
        s.status = 'cancelled'
        s.finishedAt = now
        if (wasStarted) sink.emit({ type: 'node.cancelled', nodeId: run.plan.ids[i]! })
      }
    }
    state.status = status
    if (status !== 'waiting') state.finishedAt = now
    if (error) state.error = error
    sink.emit({
      type: 'run.finished',
      status,
      durationMs: now - state.startedAt,
      ...(error ? { error } : {}),
    })
    this.settle({
      status,
      state,
      ...(state.outputs ? { outputs: state.outputs } : {}),
      ...(error ? { error } : {}),
    })
  }

  private timeOut(): void {
    this.finish('timed_out', {
      code: 'RUN_TIMEOUT',
      message: `run timed out after ${this.run.state.playbook.settings?.timeoutMs} ms`,
    })
  }
}

function outputError(err: unknown): RunError {
  const e = err as { code?: unknown; message?: unknown }
  return {
    code: typeof e?.code === 'string' ? e.code : 'INVALID_OUTPUTS',
    message: String(e?.message ?? err),
  }
}
