import { parentPort, receiveMessageOnPort } from 'node:worker_threads'
import base from '@jitl/quickjs-wasmfile-release-sync'
import { newQuickJSWASMModuleFromVariant, newVariant, type QuickJSWASMModule } from 'quickjs-emscripten-core'
import type { HeapAllocator } from '../../runtime/sandbox/memory-image.ts'
import { type ExecOutcome, NO_LOGS } from '../../runtime/sandbox/vm.ts'
import { CH, type JobKind, type LinkConfig, type WorkerConfig, type WorkerMessage } from './protocol.ts'

/** A job that runs longer than this tells a host waiting for it synchronously to stop waiting. */
const LATE_MS = 1

/**
 * The clock a link worker's executors read (their interrupt handlers call it often while code
 * runs): past `LATE_MS` into a job, it tells a host blocked on the answer to stop waiting, so a long
 * script holds the host thread about 1 ms, not the whole synchronous bound.
 */
export class LinkClock {
  private lateAt = Number.POSITIVE_INFINITY
  private job = 0

  constructor(private readonly ctl: Int32Array) {}

  readonly now = (): number => {
    const t = performance.now()
    if (t > this.lateAt) {
      this.lateAt = Number.POSITIVE_INFINITY
      Atomics.store(this.ctl, CH.LATE, this.job)
      Atomics.notify(this.ctl, CH.RES)
    }
    return t
  }

  start(job: number) {
    this.job = job
    this.lateAt = performance.now() + LATE_MS
  }

  stop() {
    this.lateAt = Number.POSITIVE_INFINITY
  }
}

/** The header of a link's buffer as `Int32Array` slots (see `CH`). */
const linkSlots = (link: LinkConfig) => new Int32Array(link.sab, 0, CH.HEADER_BYTES / 4)

/** What a worker plugs into the link loop. */
export interface LinkJobs {
  run(kind: JobKind, code: string, scope: string): ExecOutcome
  /** One unit of housekeeping; true if more remains. Runs only while no request waits. */
  maintain?(): boolean
  /**
   * How the worker's scripts are isolated (reported when it is ready). With `image` housekeeping
   * takes a few µs (writing the image back): the worker does not report `BUSY` for it, so a host
   * still waits for its next answer synchronously.
   */
  isolation?: 'image' | 'fresh'
}

interface LinkWorker extends LinkJobs {
  link: LinkConfig
  clock: LinkClock
  /** The WASM memories of the worker's modules. */
  memories: readonly WebAssembly.Memory[]
  /** A memory grown past this many bytes (by a greedy script) retires the worker. */
  retireAboveBytes: number
}

/**
 * Starts a sandbox worker thread's side of its link: one QuickJS module on a WASM memory with a
 * hard `maximum` and the clock its executors read. `serve` reports the worker ready and answers
 * jobs forever.
 * @example const { module, clock, serve } = await openLinkWorker(workerData); serve({ run })
 */
export async function openLinkWorker(config: WorkerConfig & LinkConfig) {
  const memories: WebAssembly.Memory[] = []
  /** A QuickJS module on a memory of its own (counted for retirement), with its allocator. */
  const newModule = async () => {
    const memory = new WebAssembly.Memory({ initial: 256, maximum: config.maxPages })
    memories.push(memory)
    const module: QuickJSWASMModule = await newQuickJSWASMModuleFromVariant(
      newVariant(base, { wasmModule: config.wasm, wasmMemory: memory }),
    )
    return { module, memory, heap: allocatorOf(module) }
  }
  const { module } = await newModule()
  const clock = new LinkClock(linkSlots(config))
  const serve = (jobs: LinkJobs): never => {
    const ready: WorkerMessage = {
      type: 'ready',
      wasmBytes: wasmBytesOf(memories).total,
      isolation: jobs.isolation,
    }
    parentPort!.postMessage(ready)
    return serveLink({ ...jobs, link: config, clock, memories, retireAboveBytes: config.retireAboveBytes })
  }
  return { module, newModule, clock, serve }
}

/** The total and the largest size of a worker's WASM memories. */
function wasmBytesOf(memories: readonly WebAssembly.Memory[]) {
  let total = 0
  let largest = 0
  for (const m of memories) {
    total += m.buffer.byteLength
    largest = Math.max(largest, m.buffer.byteLength)
  }
  return { total, largest }
}

/**
 * Emscripten's `malloc`/`free` of a module (not part of quickjs-emscripten's public API: read from
 * the Emscripten module it wraps); undefined when absent, and the script executor then does without
 * a memory image.
 */
function allocatorOf(module: QuickJSWASMModule): HeapAllocator | undefined {
  const em = (module as unknown as { module?: { _malloc?: unknown; _free?: unknown } }).module
  const malloc = em?._malloc
  const free = em?._free
  if (typeof malloc !== 'function' || typeof free !== 'function') return undefined
  return { malloc: (bytes) => malloc(bytes) as number, free: (ptr) => void free(ptr) }
}

/**
 * The worker side of a link (see `CH`), forever: answers a waiting request first, else does one
 * unit of housekeeping, else spins for the next request for `spinUs` (a burst then costs a few µs
 * each), then sleeps in `Atomics.wait` on `REQ` (no CPU used while idle) until the host notifies it.
 * `BUSY` tells the host when a request would wait for housekeeping, `SLEEP` when it must notify.
 */
function serveLink(w: LinkWorker): never {
  const { sab, port, spinUs } = w.link
  const ctl = linkSlots(w.link)
  const data = Buffer.from(sab, CH.HEADER_BYTES)
  let seen = 0
  let housekeeping = w.maintain?.() ?? false
  for (;;) {
    if (Atomics.load(ctl, CH.REQ) === seen) {
      if (housekeeping) {
        housekeeping = w.maintain!()
        continue
      }
      Atomics.store(ctl, CH.BUSY, 0)
      const spinUntil = performance.now() + spinUs / 1000
      while (Atomics.load(ctl, CH.REQ) === seen && performance.now() < spinUntil) {}
      if (Atomics.load(ctl, CH.REQ) === seen) {
        Atomics.store(ctl, CH.SLEEP, 1)
        Atomics.wait(ctl, CH.REQ, seen)
        Atomics.store(ctl, CH.SLEEP, 0)
        continue
      }
    }
    if (Atomics.load(ctl, CH.STOP) !== 0) process.exit(0)
    seen = Atomics.load(ctl, CH.REQ)
    let code: string
    let scope: string
    if (ctl[CH.VIA_PORT] === 1) ({ code, scope } = receiveMessageOnPort(port!)!.message)
    else {
      const codeEnd = ctl[CH.CODE_BYTES]!
      code = data.toString('utf8', 0, codeEnd)
      scope = data.toString('utf8', codeEnd, codeEnd + ctl[CH.SCOPE_BYTES]!)
    }
    let outcome: ExecOutcome
    w.clock.start(seen)
    try {
      outcome = w.run(ctl[CH.KIND] === 0 ? 'script' : 'expression', code, scope)
    } catch (e) {
      outcome = { ok: false, failure: { code: 'SCRIPT_ERROR', message: String(e) }, logs: '', fatal: true }
    }
    w.clock.stop()
    housekeeping = w.maintain !== undefined
    if (housekeeping && w.isolation !== 'image') Atomics.store(ctl, CH.BUSY, 1)
    write(ctl, data, port, outcome)
    const bytes = wasmBytesOf(w.memories)
    ctl[CH.WASM_PAGES] = bytes.total / 65536
    ctl[CH.RETIRE] = (!outcome.ok && outcome.fatal === true) || bytes.largest > w.retireAboveBytes ? 1 : 0
    Atomics.store(ctl, CH.RES, seen)
    Atomics.notify(ctl, CH.RES)
    if (Atomics.load(ctl, CH.ASYNC) === seen) parentPort!.postMessage({ type: 'answered' })
  }
}

/** Writes the answer into the data area, or onto the port when it does not fit (kind 2 without one). */
function write(ctl: Int32Array, data: Buffer, port: LinkConfig['port'], outcome: ExecOutcome) {
  const text = outcome.ok
    ? outcome.json
    : JSON.stringify(outcome.fatal ? { failure: outcome.failure, fatal: true } : { failure: outcome.failure })
  const logs = outcome.logs && outcome.logs !== NO_LOGS ? outcome.logs : ''
  const chars = text.length + logs.length
  const fits = chars * 3 <= data.length || Buffer.byteLength(text) + Buffer.byteLength(logs) <= data.length
  if (fits) {
    const end = data.write(text, 0, 'utf8')
    ctl[CH.RES_BYTES] = end
    ctl[CH.LOG_BYTES] = logs ? data.write(logs, end, 'utf8') : 0
    ctl[CH.RES_KIND] = outcome.ok ? 0 : 1
  } else if (port) {
    port.postMessage(outcome)
    ctl[CH.RES_KIND] = 3
  } else ctl[CH.RES_KIND] = 2
}
