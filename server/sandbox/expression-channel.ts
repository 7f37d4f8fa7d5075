import { type ResourceLimits, Worker } from 'node:worker_threads'
import type { SandboxFailure } from '../../runtime/sandbox/errors.ts'
import { type ExecOutcome, NO_LOGS } from '../../runtime/sandbox/vm.ts'
import { SharedLink } from './link.ts'
import type { ChannelConfig, WorkerConfig, WorkerMessage } from './protocol.ts'
import { workerEntry } from './worker-entry.ts'

/** Settings of the synchronous expression channel (operator configuration). */
export interface ChannelOptions {
  /** Longest the host thread blocks waiting for an answer; slower evaluations continue asynchronously. */
  syncWaitMs: number
  /** Wall-clock budget of one evaluation (deadline + grace), after which the worker is killed. */
  killAfterMs: number
  /** Size of the shared buffer; larger requests or answers go through the pool. */
  bytes: number
  /** How long the worker spins for the next request before it sleeps, in µs. */
  spinUs: number
}

/** Counters reported by `stats()`. */
export interface ChannelStats {
  ready: boolean
  /** Answered within the synchronous wait. */
  sync: number
  /** Answered after it, asynchronously. */
  async: number
  /** Left to the pool: the channel was busy or down, or the data did not fit. */
  fallback: number
  kills: number
  /** WASM memory of the expression worker, as of its last answer. */
  wasmBytes: number
}

/**
 * The host side of the expression channel: a dedicated worker reached through a shared-buffer link.
 * `call` writes the request, wakes the worker and blocks in `Atomics.wait` until the evaluation has
 * run 1 ms, at most `syncWaitMs` (a warm expression answers in a few µs). Past that the worker posts a message when it answers,
 * and the channel counts as busy, so other expressions go to the pool meanwhile; past `killAfterMs`
 * the worker is terminated (the only way to stop a hang inside QuickJS's C code) and replaced.
 */
export class ExpressionChannel {
  private worker: Worker | undefined
  private link: SharedLink | undefined
  private ready = false
  private busy = false
  private closed = false
  private bootFailures = 0
  private wasmBytes = 0
  private pending: ((outcome: ExecOutcome | undefined) => void) | undefined
  private readonly counters = { sync: 0, async: 0, fallback: 0, kills: 0 }

  constructor(
    private readonly config: WorkerConfig,
    private readonly resourceLimits: ResourceLimits,
    private readonly options: ChannelOptions,
  ) {}

  /**
   * Starts a worker; resolves when it is ready (or rejects if it cannot start). Every worker gets a
   * new link, so a killed worker that is still winding down can never write into its successor's.
   */
  start(): Promise<void> {
    return new Promise((resolve, reject) => {
      const link = new SharedLink(this.options.bytes, false)
      const cfg: ChannelConfig = {
        ...this.config,
        ...link.workerSide(this.options.spinUs).config,
        entry: 'expressions',
      }
      const worker = new Worker(workerEntry('expressions'), {
        workerData: cfg,
        resourceLimits: this.resourceLimits,
        stdout: false,
        stderr: false,
      })
      this.worker = worker
      this.link = link
      worker.on('message', (m: WorkerMessage) => {
        if (worker !== this.worker) return
        if (m.type === 'answered') return this.answered()
        this.ready = true
        this.wasmBytes = m.wasmBytes
        this.bootFailures = 0
        resolve()
      })
      const gone = (e?: Error & { code?: string }) => {
        if (worker !== this.worker) return
        if (!this.ready) this.bootFailures++
        const memory = e?.code === 'ERR_WORKER_OUT_OF_MEMORY'
        this.replace(
          memory
            ? { code: 'SCRIPT_MEMORY', message: 'the expression worker ran out of memory' }
            : { code: 'SCRIPT_ERROR', message: 'the expression worker died' },
        )
        reject(new Error('the expression worker failed to start'))
      }
      worker.on('error', gone)
      worker.on('exit', () => gone())
    })
  }

  /**
   * Evaluates through the channel: the outcome (synchronously, in the common case), a promise of it
   * (a slow evaluation), or `undefined` when the caller must use the pool instead.
   */
  call(
    code: string,
    scope: string,
    signal?: AbortSignal,
  ): ExecOutcome | Promise<ExecOutcome | undefined> | undefined {
    const link = this.link
    if (!link || !this.ready || this.busy || !link.send('expression', code, scope)) {
      this.counters.fallback++
      return undefined
    }
    const start = performance.now()
    if (link.waitSync(this.options.syncWaitMs) || !link.awaitMessage()) {
      this.counters.sync++
      return this.read(link)
    }
    this.busy = true
    return new Promise<ExecOutcome | undefined>((resolve) => {
      const onAbort = () => this.kill({ code: 'SCRIPT_CANCELLED', message: 'the execution was cancelled' })
      const left = Math.max(1, this.options.killAfterMs - (performance.now() - start))
      const timer = setTimeout(() => {
        if (link.answered) this.answered()
        else
          this.kill({
            code: 'SCRIPT_TIMEOUT',
            message: 'the expression did not stop at its deadline and was killed',
          })
      }, left)
      signal?.addEventListener('abort', onAbort, { once: true })
      this.pending = (outcome: ExecOutcome | undefined) => {
        this.pending = undefined
        this.busy = false
        clearTimeout(timer)
        signal?.removeEventListener('abort', onAbort)
        resolve(outcome)
      }
    })
  }

  /** The worker answered a call that left the synchronous wait. */
  private answered() {
    const done = this.pending
    const link = this.link
    if (!done || !link?.answered) return
    this.pending = undefined
    this.counters.async++
    done(this.read(link))
  }

  stats(): ChannelStats {
    return { ready: this.ready, ...this.counters, wasmBytes: this.wasmBytes }
  }

  close() {
    this.closed = true
    this.replace({ code: 'SCRIPT_CANCELLED', message: 'the sandbox is closed' })
  }

  /** Reads the answer; `undefined` when it did not fit (the caller re-runs it on the pool). */
  private read(link: SharedLink): ExecOutcome | undefined {
    const { outcome, retire, wasmBytes } = link.read()
    this.wasmBytes = wasmBytes
    if (retire) this.replace()
    return outcome && { ...outcome, logs: NO_LOGS }
  }

  private kill(failure: SandboxFailure) {
    this.counters.kills++
    this.replace(failure)
  }

  /** Terminates the current worker, fails its pending call and starts a new one (unless closed). */
  private replace(failure?: SandboxFailure) {
    const worker = this.worker
    this.worker = undefined
    this.ready = false
    this.busy = false
    if (worker) {
      this.link?.stop()
      void worker.terminate()
    }
    this.link = undefined
    const pending = this.pending
    this.pending = undefined
    pending?.({
      ok: false,
      failure: failure ?? { code: 'SCRIPT_ERROR', message: 'the expression worker died' },
      logs: NO_LOGS,
    })
    if (this.closed || this.bootFailures >= 3) return
    this.start().catch(() => {})
  }
}
