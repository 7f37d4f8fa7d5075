import { type ResourceLimits, Worker } from 'node:worker_threads'
import type { SandboxFailure } from '../../runtime/sandbox/errors.ts'
import { type ExecOutcome, NO_LOGS } from '../../runtime/sandbox/vm.ts'
import { CH, type ChannelConfig, type WorkerConfig } from './protocol.ts'
import { workerEntry } from './worker-entry.ts'

/**
 * How long the host spins for the answer of a worker that is awake (spinning for requests) before
 * it sleeps in `Atomics.wait`: a warm expression answers within a few µs. For a sleeping worker the
 * host sleeps at once: measured on the 2-vCPU VM, a host that spins while it wakes the worker
 * delays the worker's start (p50 125 µs after 1 ms idle, against 31 µs with the host asleep).
 */
const SPIN_AWAKE_MS = 0.05

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
 * The host side of the expression channel: a dedicated worker reached through a SharedArrayBuffer.
 * `call` writes the request, wakes the worker and blocks in `Atomics.wait` for at most `syncWaitMs`
 * (a warm expression answers in a few µs). Past that the wait continues with `Atomics.waitAsync`,
 * and the channel counts as busy, so other expressions go to the pool meanwhile; past `killAfterMs`
 * the worker is terminated (the only way to stop a hang inside QuickJS's C code) and replaced.
 */
export class ExpressionChannel {
  private worker: Worker | undefined
  private ready = false
  private busy = false
  private closed = false
  private bootFailures = 0
  private seq = 0
  private ctl = new Int32Array(new SharedArrayBuffer(CH.HEADER_BYTES))
  private data = Buffer.from(new SharedArrayBuffer(0))
  private pending: ((outcome: ExecOutcome | undefined) => void) | undefined
  private readonly counters = { sync: 0, async: 0, fallback: 0, kills: 0 }

  constructor(
    private readonly config: WorkerConfig,
    private readonly resourceLimits: ResourceLimits,
    private readonly options: ChannelOptions,
  ) {}

  /**
   * Starts a worker; resolves when it is ready (or rejects if it cannot start). Every worker gets a
   * new buffer, so a killed worker that is still winding down can never write into its successor's.
   */
  start(): Promise<void> {
    return new Promise((resolve, reject) => {
      const sab = new SharedArrayBuffer(CH.HEADER_BYTES + this.options.bytes)
      this.ctl = new Int32Array(sab, 0, CH.HEADER_BYTES / 4)
      this.data = Buffer.from(sab, CH.HEADER_BYTES)
      const cfg: ChannelConfig = { ...this.config, entry: 'expressions', sab, spinUs: this.options.spinUs }
      const worker = new Worker(workerEntry('expressions'), {
        workerData: cfg,
        resourceLimits: this.resourceLimits,
        stdout: false,
        stderr: false,
      })
      this.worker = worker
      worker.on('message', (m: { type?: string }) => {
        if (worker !== this.worker) return
        if (m?.type === 'answered') return this.answered()
        if (m?.type !== 'ready') return
        this.ready = true
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
    if (!this.ready || this.busy || !this.write(code, scope)) {
      this.counters.fallback++
      return undefined
    }
    const { ctl } = this
    const seq = ++this.seq
    const prev = Atomics.load(ctl, CH.RES)
    const start = performance.now()
    Atomics.store(ctl, CH.REQ, seq)
    // Wake a sleeping worker and sleep at once; spin briefly for an awake one. Then sleep up to the
    // synchronous bound. Spinning longer on a busy machine would take the CPU the worker needs.
    if (Atomics.load(ctl, CH.SLEEP) === 1) Atomics.notify(ctl, CH.REQ)
    else {
      const spinUntil = start + SPIN_AWAKE_MS
      while (Atomics.load(ctl, CH.RES) === prev && performance.now() < spinUntil) {}
    }
    if (Atomics.load(ctl, CH.RES) === prev) Atomics.wait(ctl, CH.RES, prev, this.options.syncWaitMs)
    if (Atomics.load(ctl, CH.RES) === seq) {
      this.counters.sync++
      return this.read()
    }
    // Too slow for the synchronous wait: ask the worker to post a message when it answers. Both sides
    // store, then load the other's slot (sequentially consistent), so at least one sees the other.
    Atomics.store(ctl, CH.ASYNC, seq)
    if (Atomics.load(ctl, CH.RES) === seq) {
      this.counters.sync++
      return this.read()
    }
    this.busy = true
    return new Promise<ExecOutcome | undefined>((resolve) => {
      const onAbort = () => this.kill({ code: 'SCRIPT_CANCELLED', message: 'the execution was cancelled' })
      const left = Math.max(1, this.options.killAfterMs - (performance.now() - start))
      const timer = setTimeout(() => {
        if (Atomics.load(ctl, CH.RES) === seq) this.answered()
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
    if (!done || Atomics.load(this.ctl, CH.RES) !== this.seq) return
    this.pending = undefined
    this.counters.async++
    done(this.read())
  }

  stats(): ChannelStats {
    return { ready: this.ready, ...this.counters, wasmBytes: (this.ctl[CH.WASM_PAGES] ?? 0) * 65536 }
  }

  close() {
    this.closed = true
    this.replace({ code: 'SCRIPT_CANCELLED', message: 'the sandbox is closed' })
  }

  /** Writes the request; false when it does not fit. */
  private write(code: string, scope: string): boolean {
    const room = this.data.length
    const fits =
      (code.length + scope.length) * 3 <= room || Buffer.byteLength(code) + Buffer.byteLength(scope) <= room
    if (!fits) return false
    const codeBytes = this.data.write(code, 0, 'utf8')
    this.ctl[CH.CODE_BYTES] = codeBytes
    this.ctl[CH.SCOPE_BYTES] = this.data.write(scope, codeBytes, 'utf8')
    return true
  }

  /** Reads the answer; `undefined` when it did not fit (the caller re-runs it on the pool). */
  private read(): ExecOutcome | undefined {
    const { ctl, data } = this
    const kind = ctl[CH.RES_KIND]
    const text = data.toString('utf8', 0, ctl[CH.RES_BYTES])
    if (ctl[CH.RETIRE] === 1) this.replace()
    if (kind === 2) return undefined
    if (kind === 0) return { ok: true, json: text, logs: NO_LOGS }
    const { failure } = JSON.parse(text) as { failure: SandboxFailure }
    return { ok: false, failure, logs: NO_LOGS }
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
      Atomics.store(this.ctl, CH.STOP, 1)
      void worker.terminate()
    }
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
