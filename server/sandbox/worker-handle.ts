import { type ResourceLimits, Worker } from 'node:worker_threads'
import type { SandboxFailure } from '../../runtime/sandbox/errors.ts'
import type { ExecOutcome } from '../../runtime/sandbox/vm.ts'
import type { JobMessage, WorkerConfig, WorkerMessage } from './protocol.ts'
import { workerEntry } from './worker-entry.ts'

/** A job as the supervisor tracks it. */
export interface Job {
  kind: JobMessage['kind']
  code: string
  scope: string
  /** Wall-clock budget after which the thread is killed (deadline + grace). */
  killAfterMs: number
  signal?: AbortSignal
  done(outcome: ExecOutcome): void
}

/**
 * One sandbox worker thread and the job it runs. It reports `onExit` once, whatever the cause
 * (killed for a deadline, crashed, retired), so the supervisor can start a replacement.
 */
export class WorkerHandle {
  ready = false
  busy = false
  dead = false
  wasmBytes = 0
  private worker: Worker
  private job: Job | undefined
  private timer: ReturnType<typeof setTimeout> | undefined
  private seq = 0
  private readonly onAbort = () =>
    this.kill({ code: 'SCRIPT_CANCELLED', message: 'the execution was cancelled' })

  constructor(
    config: WorkerConfig,
    resourceLimits: ResourceLimits,
    private readonly onIdle: (w: WorkerHandle) => void,
    private readonly onExit: (w: WorkerHandle) => void,
  ) {
    this.worker = new Worker(workerEntry('pool'), {
      workerData: config,
      resourceLimits,
      stdout: false,
      stderr: false,
    })
    this.worker.on('message', (m: WorkerMessage) => this.message(m))
    this.worker.on('error', (e: Error & { code?: string }) => this.fail(e))
    this.worker.on('exit', () => this.fail(new Error('the sandbox worker exited')))
  }

  /** Sends a job; the caller checked `ready && !busy`. */
  run(job: Job) {
    this.busy = true
    this.job = job
    this.timer = setTimeout(
      () =>
        this.kill({
          code: 'SCRIPT_TIMEOUT',
          message: 'the code did not stop at its deadline and was killed',
        }),
      job.killAfterMs,
    )
    job.signal?.addEventListener('abort', this.onAbort, { once: true })
    const msg: JobMessage = { id: ++this.seq, kind: job.kind, code: job.code, scope: job.scope }
    this.worker.postMessage(msg)
  }

  /** Stops the thread (a hang in C code only stops this way) and fails the current job. */
  kill(failure: SandboxFailure) {
    this.finish({ ok: false, failure, logs: '{"logs":[],"dropped":0}' })
    this.terminate()
  }

  terminate() {
    if (this.dead) return
    this.dead = true
    this.ready = false
    void this.worker.terminate()
    this.onExit(this)
  }

  private message(m: WorkerMessage) {
    if (m.type === 'ready') {
      this.ready = true
      this.wasmBytes = m.wasmBytes
      this.onIdle(this)
      return
    }
    if (m.id !== this.seq) return
    this.wasmBytes = m.wasmBytes
    this.finish(m.outcome)
    if (m.retire) this.terminate()
    else this.onIdle(this)
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
