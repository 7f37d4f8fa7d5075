import { MessageChannel, type MessagePort, receiveMessageOnPort } from 'node:worker_threads'
import type { SandboxFailure } from '../../runtime/sandbox/errors.ts'
import { type ExecOutcome, NO_LOGS } from '../../runtime/sandbox/vm.ts'
import { CH, type JobKind, type LinkConfig } from './protocol.ts'

/**
 * How long the host spins for the answer of a worker that is awake (spinning for requests) before
 * it sleeps in `Atomics.wait`: a warm expression answers within a few µs. For a sleeping worker the
 * host sleeps at once: measured on the 2-vCPU VM, a host that spins while it wakes the worker
 * delays the worker's start (p50 125 µs after 1 ms idle, against 31 µs with the host asleep).
 */
const SPIN_AWAKE_MS = 0.05

/** An answer read from the link. */
export interface LinkAnswer {
  /** `undefined` when the answer did not fit and the link has no port. */
  outcome: ExecOutcome | undefined
  retire: boolean
  wasmBytes: number
}

/**
 * The host side of a link to one sandbox worker thread (see `CH`): writes a request, wakes the
 * worker, waits for the answer synchronously for a bounded time, or asks to be told by a message.
 * Each worker gets a new link, so a killed worker still winding down never writes into its
 * successor's buffer.
 */
export class SharedLink {
  private readonly ctl: Int32Array
  private readonly data: Buffer
  private readonly port: MessagePort | undefined
  private readonly remote: MessagePort | undefined
  private seq = 0
  private prev = 0
  /** The last request woke a sleeping worker (the host then sleeps at once instead of spinning). */
  private woke = false

  constructor(bytes: number, withPort: boolean) {
    const sab = new SharedArrayBuffer(CH.HEADER_BYTES + bytes)
    this.ctl = new Int32Array(sab, 0, CH.HEADER_BYTES / 4)
    this.data = Buffer.from(sab, CH.HEADER_BYTES)
    if (withPort) {
      const { port1, port2 } = new MessageChannel()
      this.port = port1
      this.remote = port2
    }
  }

  /** What the worker needs (pass `transferList` to the Worker constructor). */
  workerSide(spinUs: number): { config: LinkConfig; transferList: MessagePort[] } {
    const config: LinkConfig = { sab: this.ctl.buffer as SharedArrayBuffer, spinUs, port: this.remote }
    return { config, transferList: this.remote ? [this.remote] : [] }
  }

  /** True while the worker does housekeeping (a request would wait for it). */
  get workerBusy(): boolean {
    return Atomics.load(this.ctl, CH.BUSY) === 1
  }

  /** Sends a request and wakes the worker; false when it does not fit and the link has no port. */
  send(kind: JobKind, code: string, scope: string): boolean {
    const { ctl, data } = this
    const room = data.length
    const fits =
      (code.length + scope.length) * 3 <= room || Buffer.byteLength(code) + Buffer.byteLength(scope) <= room
    if (!fits && !this.port) return false
    if (fits) {
      const codeBytes = data.write(code, 0, 'utf8')
      ctl[CH.CODE_BYTES] = codeBytes
      ctl[CH.SCOPE_BYTES] = data.write(scope, codeBytes, 'utf8')
    } else this.port!.postMessage({ code, scope })
    ctl[CH.VIA_PORT] = fits ? 0 : 1
    ctl[CH.KIND] = kind === 'script' ? 0 : 1
    this.prev = Atomics.load(ctl, CH.RES)
    Atomics.store(ctl, CH.REQ, ++this.seq)
    this.woke = Atomics.load(ctl, CH.SLEEP) === 1
    if (this.woke) Atomics.notify(ctl, CH.REQ)
    return true
  }

  /**
   * Waits for the answer to the last request for at most `ms`, or until the worker says it runs
   * long: sleeps at once if the worker was asleep, spins briefly if it was awake. True when the
   * answer is there. (A bound under 5 ms made the wake-ups slower on the 2-vCPU VM: 135-185 µs
   * against 110-120 µs p50 per script after 1 ms idle.)
   */
  waitSync(ms: number): boolean {
    const { ctl } = this
    const start = performance.now()
    if (!this.woke) {
      const spinUntil = start + Math.min(SPIN_AWAKE_MS, ms)
      while (Atomics.load(ctl, CH.RES) === this.prev && performance.now() < spinUntil) {}
    }
    for (;;) {
      if (this.answered || Atomics.load(ctl, CH.LATE) === this.seq) return this.answered
      const left = ms - (performance.now() - start)
      if (left <= 0) return false
      Atomics.wait(ctl, CH.RES, this.prev, left)
    }
  }

  /**
   * Asks the worker to post `answered` when it answers the last request. False when the answer came
   * meanwhile (no message follows). Both sides store, then load the other's slot (sequentially
   * consistent), so at least one sees the other.
   */
  awaitMessage(): boolean {
    Atomics.store(this.ctl, CH.ASYNC, this.seq)
    return !this.answered
  }

  /** The answer to the last request is there. */
  get answered(): boolean {
    return Atomics.load(this.ctl, CH.RES) === this.seq
  }

  /** Reads the answer to the last request (call once `answered`). */
  read(): LinkAnswer {
    const { ctl, data } = this
    const kind = ctl[CH.RES_KIND]
    const retire = ctl[CH.RETIRE] === 1
    const wasmBytes = (ctl[CH.WASM_PAGES] ?? 0) * 65536
    if (kind === 3) {
      const outcome = receiveMessageOnPort(this.port!)?.message as ExecOutcome | undefined
      return { outcome, retire, wasmBytes }
    }
    if (kind === 2) return { outcome: undefined, retire, wasmBytes }
    const end = ctl[CH.RES_BYTES]!
    const text = data.toString('utf8', 0, end)
    const logBytes = ctl[CH.LOG_BYTES]!
    const logs = logBytes > 0 ? data.toString('utf8', end, end + logBytes) : NO_LOGS
    if (kind === 0) return { outcome: { ok: true, json: text, logs }, retire, wasmBytes }
    const { failure, fatal } = JSON.parse(text) as { failure: SandboxFailure; fatal?: boolean }
    return { outcome: { ok: false, failure, logs, ...(fatal ? { fatal } : {}) }, retire, wasmBytes }
  }

  /** Tells the worker to exit at its next request check (it is terminated too). */
  stop() {
    Atomics.store(this.ctl, CH.STOP, 1)
    this.port?.close()
  }
}
