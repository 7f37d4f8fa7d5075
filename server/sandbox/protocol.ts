import type { MessagePort } from 'node:worker_threads'
import type { SandboxLimits } from '../../runtime/sandbox/limits.ts'

/** What the supervisor hands a new worker. */
export interface WorkerConfig {
  wasm: WebAssembly.Module
  limits: SandboxLimits
  /** Hard ceiling of the worker's WASM memory, in 64 KiB pages. */
  maxPages: number
  /** The worker asks to be replaced when its WASM memory grew past this many bytes. */
  retireAboveBytes: number
  warm: number
}

/** The two kinds of job a sandbox worker runs. */
export type JobKind = 'script' | 'expression'

/**
 * The link between the host and a sandbox worker: one SharedArrayBuffer, `Int32Array` slots of its
 * header, then the data area (request, then response, UTF-8). The host writes the request and bumps
 * `REQ`; the worker writes the response and sets `RES` to the same number. Each side waits on the
 * other's slot with `Atomics.wait`. A request or answer too large for the data area goes through a
 * MessagePort beside it (read synchronously with `receiveMessageOnPort`), when the link has one.
 */
export const CH = {
  REQ: 0,
  RES: 1,
  CODE_BYTES: 2,
  SCOPE_BYTES: 3,
  RES_BYTES: 4,
  /** 0: JSON result, 1: failure as JSON, 2: the answer did not fit (no port), 3: the answer is on the port. */
  RES_KIND: 5,
  /** 1 when the worker wants to be replaced (fatal error, or WASM memory past the retire mark). */
  RETIRE: 6,
  WASM_PAGES: 7,
  STOP: 8,
  /** The number of a request the host stopped waiting for synchronously: the worker posts a message when it answers. */
  ASYNC: 9,
  /** 1 while the worker sleeps in `Atomics.wait` on `REQ`: the host notifies it after a request. */
  SLEEP: 10,
  /** 0: script, 1: expression. */
  KIND: 11,
  /** 1 when the request is on the port instead of the data area. */
  VIA_PORT: 12,
  /** 1 while the worker does housekeeping (disposing a spent runtime, warming a new one). */
  BUSY: 13,
  /** UTF-8 bytes of the console lines after the answer (scripts). */
  LOG_BYTES: 14,
  /** The number of a request that runs long: the host stops waiting for it synchronously. */
  LATE: 15,
  HEADER_BYTES: 64,
} as const

/** The shared parts of a link a worker receives (the port is in the transfer list). */
export interface LinkConfig {
  sab: SharedArrayBuffer
  port?: MessagePort
  /** Microseconds the worker spins for the next request before it sleeps. */
  spinUs: number
}

/** What the host hands a pool worker. */
export interface PoolWorkerConfig extends WorkerConfig, LinkConfig {
  entry: 'pool'
}

/** What the host hands the expression worker. */
export interface ChannelConfig extends WorkerConfig, LinkConfig {
  entry: 'expressions'
}

/** Worker → host, over `parentPort`. */
export type WorkerMessage =
  | { type: 'ready'; wasmBytes: number; isolation?: 'image' | 'fresh' }
  | { type: 'answered' }
