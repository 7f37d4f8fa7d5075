import { type ResourceLimits, Worker } from 'node:worker_threads'
import type { SandboxFailure } from '../../runtime/sandbox/errors.ts'
import { type ExecOutcome, NO_LOGS } from '../../runtime/sandbox/vm.ts'
import { SharedLink } from './link.ts'
import type { JobKind, PoolWorkerConfig, WorkerConfig, WorkerMessage } from './protocol.ts'
import { workerEntry } from './worker-entry.ts'

/** A job as the supervisor tracks it. */
export interface Job {
  kind: JobKind
  code: string
  scope: string
  /** Wall-clock budget after which the thread is killed (deadline + grace). */
  killAfterMs: number
  signal?: AbortSignal
  done(outcome: ExecOutcome): void
}

/** How a handle reaches its worker thread (operator configuration). */
export interface LinkOptions {
  /** Size of the shared buffer; larger requests and answers go through a MessagePort. */
  bytes: number
  /** How long the worker spins for the next job before it sleeps, in µs. */
  spinUs: number
  /** Longest the host thread blocks for the answer of a job it may wait for synchronously. */
  syncWaitMs: number
}

/**
 * One sandbox worker thread and the job it runs, over a shared-buffer link. A job given to an idle,
 * ready worker when nothing else waits is awaited synchronously for up to `syncWaitMs` (a script
 * then costs no message or event-loop turn); otherwise, or past that, the worker posts a message
 * when it answers. It reports `onExit` once, whatever the cause (killed for a deadline, crashed,
 * retired), so the supervisor can start a replacement.
 */
export class WorkerHandle {
  ready = false
  busy = false
  dead = false
  wasmBytes = 0
  /** How this worker isolates scripts, once it is ready. */
  isolation: 'image' | 'fresh' | undefined
  private worker: Worker
  private link: SharedLink
  private job: Job | undefined
  private timer: ReturnType<typeof setTimeout> | undefined
  private readonly onAbort = () =>
    this.kill({ code: 'SCRIPT_CANCELLED', message: 'the execution was cancelled' })

  constructor(
    config: WorkerConfig,
    resourceLimits: ResourceLimits,
    private readonly options: LinkOptions,
    private readonly onIdle: (w: WorkerHandle) => void,
    private readonly onExit: (w: WorkerHandle) => void,
  ) {
    this.link = new SharedLink(options.bytes, true)
    const side = this.link.workerSide(options.spinUs)
    const workerData: PoolWorkerConfig = { ...config, ...side.config, entry: 'pool' }
    this.worker = new Worker(workerEntry('pool'), {
      workerData,
      transferList: side.transferList,
      resourceLimits,
      stdout: false,
      stderr: false,
    })
    this.worker.on('message', (m: WorkerMessage) => this.message(m))
    this.worker.on('error', (e: Error & { code?: string }) => this.fail(e))
    this.worker.on('exit', () => this.fail(new Error('the sandbox worker exited')))
  }

  /**
   * Sends a job; the caller checked `ready && !busy`. With `mayWait`, a worker that is not busy with
   * housekeeping is awaited synchronously. A job answered before this returns is done at once and
   * `onIdle` is not called (the caller goes on dispatching).
   */
  run(job: Job, mayWait: boolean): void {
    this.busy = true
    this.job = job
    const { link } = this
    const wait = mayWait && !link.workerBusy
    link.send(job.kind, job.code, job.scope)
    if ((wait && link.waitSync(this.options.syncWaitMs)) || !link.awaitMessage()) {
      this.settle(false)
      return
    }
    this.timer = setTimeout(() => {
      if (this.link.answered) this.settle(true)
      else
        this.kill({ code: 'SCRIPT_TIMEOUT', message: 'the code did not stop at its deadline and was killed' })
    }, job.killAfterMs)
    job.signal?.addEventListener('abort', this.onAbort, { once: true })
  }

  /** Stops the thread (a hang in C code only stops this way) and fails the current job. */
  kill(failure: SandboxFailure) {
    this.finish({ ok: false, failure, logs: NO_LOGS })
    this.terminate()
  }

  terminate() {
    if (this.dead) return
    this.dead = true
    this.ready = false
    this.link.stop()
    void this.worker.terminate()
    this.onExit(this)
  }

  private message(m: WorkerMessage) {
    if (m.type === 'ready') {
      this.ready = true
      this.wasmBytes = m.wasmBytes
      this.isolation = m.isolation
      this.onIdle(this)
      return
    }
    if (this.job && this.link.answered) this.settle(true)
  }

  /** Takes the answer of the current job; `idle` reports the worker free again through `onIdle`. */
  private settle(idle: boolean) {
    const answer = this.link.read()
    this.wasmBytes = answer.wasmBytes
    this.finish(
      answer.outcome ?? {
        ok: false,
        failure: { code: 'SCRIPT_ERROR', message: 'the sandbox answer was lost' },
        logs: NO_LOGS,
      },
    )
    if (answer.retire) this.terminate()
    else if (idle) this.onIdle(this)
  }

  private fail(e: Error & { code?: string }) {
    if (this.dead) return
    const failure: SandboxFailure =
      e.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? { code: 'SCRIPT_MEMORY', message: 'the sandbox worker ran out of memory' }
        : { code: 'SCRIPT_ERROR', message: `the sandbox worker died: ${e.message}` }
    this.kill(failure)
  }

  private finish(outcome: ExecOutcome) {
    const job = this.job
    if (!job) return
    this.job = undefined
    this.busy = false
    clearTimeout(this.timer)
    job.signal?.removeEventListener('abort', this.onAbort)
    job.done(outcome)
  }
}
