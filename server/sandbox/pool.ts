import type { ResourceLimits } from 'node:worker_threads'
import type { SandboxLimits } from '../../runtime/sandbox/limits.ts'
import { type ExecOutcome, NO_LOGS } from '../../runtime/sandbox/vm.ts'
import { loadQuickJSWasm } from './load-wasm.ts'
import type { WorkerConfig } from './protocol.ts'
import { type Job, type LinkOptions, WorkerHandle } from './worker-handle.ts'

/** Pool settings (operator configuration). */
export interface PoolOptions {
  workers: number
  limits: SandboxLimits
  /** Extra wall-clock time past the deadline before a worker is killed. */
  graceMs: number
  /** Fresh runtimes each worker keeps ready. */
  warm: number
  /** Most jobs waiting for a worker; more are refused. */
  maxQueue: number
  /** How the host reaches each worker. */
  link: LinkOptions
}

/** Counters reported by `stats()`. */
export interface PoolStats {
  workers: number
  ready: number
  busy: number
  queued: number
  executions: number
  /** Executions answered while the host waited synchronously (no message, no event-loop turn). */
  inline: number
  restarts: number
  kills: number
  wasmBytes: number
  /** Ready workers whose scripts run on a runtime restored from its memory image. */
  imageWorkers: number
}

const PAGE = 64 * 1024
const BASE_BYTES = 16 * 1024 * 1024

/**
 * The supervisor: N worker threads, a FIFO queue, a wall-clock kill for jobs that outlive their
 * deadline, and a replacement for every worker that dies, is killed or retires.
 */
export class SandboxPool {
  private workers: WorkerHandle[] = []
  private queue: Job[] = []
  private next = 0
  private closed = false
  private bootFailures = 0
  private counters = { executions: 0, inline: 0, restarts: 0, kills: 0 }
  private config!: WorkerConfig
  private resourceLimits: ResourceLimits

  constructor(private readonly options: PoolOptions) {
    const heapMb = Math.max(32, Math.ceil((options.limits.maxOutputBytes * 8) / 2 ** 20))
    this.resourceLimits = { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 8, stackSizeMb: 32 }
  }

  /** Compiles the WASM once and waits until every worker is ready. */
  async start(): Promise<void> {
    const { limits } = this.options
    const maxBytes = BASE_BYTES + limits.memoryBytes * 1.5
    this.config = {
      wasm: await loadQuickJSWasm(),
      limits,
      maxPages: Math.ceil(maxBytes / PAGE),
      retireAboveBytes: BASE_BYTES + limits.memoryBytes / 4,
      warm: this.options.warm,
    }
    await Promise.all(Array.from({ length: this.options.workers }, () => this.spawn()))
  }

  /**
   * Runs one execution: its outcome at once when an idle worker answered within the synchronous
   * wait, else a promise of it (queued for a worker if none is idle). Never rejects.
   */
  submit(
    kind: Job['kind'],
    code: string,
    scope: string,
    signal?: AbortSignal,
  ): ExecOutcome | Promise<ExecOutcome> {
    const refused = this.refusal(signal)
    if (refused) return refused
    const killAfterMs =
      (kind === 'script' ? this.options.limits.timeoutMs : this.options.limits.expressionTimeoutMs) +
      this.options.graceMs
    // The outcome goes to `settle` once it is set; until then (an answer within the synchronous
    // wait) it is kept in `answer`.
    let answer: ExecOutcome | undefined
    let settle: ((outcome: ExecOutcome) => void) | undefined
    const job: Job = {
      kind,
      code,
      scope,
      signal,
      killAfterMs,
      done: (outcome) => {
        if (settle) settle(outcome)
        else answer = outcome
      },
    }
    const worker = this.queue.length === 0 ? this.pickIdle() : undefined
    if (worker) {
      // Nothing waits: the job goes straight to an idle worker, which the host may await at once.
      this.hand(worker, job, true)
      if (answer) return answer
      // Answered later: by a message, a kill or a cancel, never before this returns.
      return new Promise((resolve) => {
        settle = resolve
      })
    }
    return new Promise((resolve) => {
      const onQueuedAbort = () => {
        const i = this.queue.indexOf(job)
        if (i < 0) return
        this.queue.splice(i, 1)
        resolve(failed('SCRIPT_CANCELLED', 'the execution was cancelled'))
      }
      settle = (outcome) => {
        signal?.removeEventListener('abort', onQueuedAbort)
        resolve(outcome)
      }
      signal?.addEventListener('abort', onQueuedAbort, { once: true })
      this.queue.push(job)
      this.dispatch()
    })
  }

  /** Why a new job is refused at once, as its outcome. */
  private refusal(signal?: AbortSignal): ExecOutcome | undefined {
    if (this.closed) return failed('SCRIPT_CANCELLED', 'the sandbox is closed')
    if (signal?.aborted) return failed('SCRIPT_CANCELLED', 'the execution was cancelled')
    if (this.queue.length >= this.options.maxQueue) return failed('SCRIPT_ERROR', 'the sandbox queue is full')
    return undefined
  }

  /** The settings workers start with (for the expression channel's worker). */
  get workerSetup(): { config: WorkerConfig; resourceLimits: ResourceLimits } {
    return { config: this.config, resourceLimits: this.resourceLimits }
  }

  stats(): PoolStats {
    return {
      workers: this.workers.length,
      ready: this.workers.filter((w) => w.ready).length,
      busy: this.workers.filter((w) => w.busy).length,
      queued: this.queue.length,
      ...this.counters,
      wasmBytes: this.workers.reduce((n, w) => n + w.wasmBytes, 0),
      imageWorkers: this.workers.filter((w) => w.ready && w.isolation === 'image').length,
    }
  }

  async close(): Promise<void> {
    this.closed = true
    for (const job of this.queue.splice(0))
      job.done({
        ok: false,
        failure: { code: 'SCRIPT_CANCELLED', message: 'the sandbox is closed' },
        logs: '',
      })
    for (const w of [...this.workers]) w.kill({ code: 'SCRIPT_CANCELLED', message: 'the sandbox is closed' })
  }

  private spawn(): Promise<void> {
    return new Promise((resolve, reject) => {
      const handle = new WorkerHandle(
        this.config,
        this.resourceLimits,
        this.options.link,
        (w) => {
          this.bootFailures = 0
          resolve()
          this.dispatch(w)
        },
        (w) => {
          const wasReady = w.wasmBytes > 0
          this.workers = this.workers.filter((x) => x !== w)
          if (!wasReady) {
            this.bootFailures++
            reject(new Error('a sandbox worker failed to start'))
          }
          this.replace()
        },
      )
      this.workers.push(handle)
    })
  }

  private replace() {
    if (this.closed) return
    this.counters.restarts++
    if (this.bootFailures >= 3) {
      for (const job of this.queue.splice(0))
        job.done({
          ok: false,
          failure: { code: 'SCRIPT_ERROR', message: 'sandbox workers fail to start' },
          logs: '',
        })
      return
    }
    this.spawn().catch(() => {})
  }

  private dispatch(preferred?: WorkerHandle) {
    while (this.queue.length > 0) {
      const worker = this.pickIdle(preferred)
      if (!worker) return
      preferred = undefined
      // Awaited synchronously only when nothing else waits: a backlog is never drained in one go
      // on the host thread.
      this.hand(worker, this.queue.shift()!, this.queue.length === 0)
    }
  }

  /** Hands a job to a worker, counting its end. */
  private hand(worker: WorkerHandle, job: Job, mayWait: boolean) {
    const done = job.done
    let handing = true
    job.done = (outcome) => {
      this.counters.executions++
      if (handing) this.counters.inline++
      if (!outcome.ok && outcome.failure.message.includes('was killed')) this.counters.kills++
      done(outcome)
    }
    worker.run(job, mayWait)
    handing = false
  }

  /** Round-robin over idle workers, so a worker that just finished can warm its next runtime. */
  private pickIdle(preferred?: WorkerHandle): WorkerHandle | undefined {
    const n = this.workers.length
    for (let k = 0; k < n; k++) {
      const w = this.workers[(this.next + k) % n]!
      if (w.ready && !w.busy && !w.dead && (this.queue.length > 1 || w !== preferred || n === 1)) {
        this.next = (this.next + k + 1) % n
        return w
      }
    }
    return preferred?.ready && !preferred.busy && !preferred.dead ? preferred : undefined
  }
}

function failed(code: 'SCRIPT_CANCELLED' | 'SCRIPT_ERROR', message: string): ExecOutcome {
  return { ok: false, failure: { code, message }, logs: NO_LOGS }
}
