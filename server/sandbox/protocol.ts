import type { SandboxLimits } from '../../runtime/sandbox/limits.ts'
import type { ExecOutcome } from '../../runtime/sandbox/vm.ts'

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

/** Host → worker. */
export interface JobMessage {
  id: number
  kind: 'script' | 'expression'
  code: string
  scope: string
}

/** Worker → host. */
export type WorkerMessage =
  | { type: 'ready'; wasmBytes: number }
  | { type: 'done'; id: number; outcome: ExecOutcome; wasmBytes: number; retire: boolean }

/**
 * The expression channel: one SharedArrayBuffer between the host and the expression worker.
 * `Int32Array` slots of its header, then the data area (request, then response, UTF-8).
 * The host writes the request and bumps `REQ`; the worker writes the response and sets `RES`
 * to the same number. Each side waits on the other's slot with `Atomics.wait`.
 */
export const CH = {
  REQ: 0,
  RES: 1,
  CODE_BYTES: 2,
  SCOPE_BYTES: 3,
  RES_BYTES: 4,
  /** 0: JSON result, 1: failure as JSON, 2: the response did not fit (the host re-runs on the pool). */
  RES_KIND: 5,
  /** 1 when the worker wants to be replaced (fatal error, or WASM memory past the retire mark). */
  RETIRE: 6,
  WASM_PAGES: 7,
  STOP: 8,
  /** The number of a request the host stopped waiting for synchronously: the worker posts a message when it answers. */
  ASYNC: 9,
  /** 1 while the worker sleeps in `Atomics.wait` on `REQ`: the host notifies it after a request. */
  SLEEP: 10,
  HEADER_BYTES: 64,
} as const

/** What the host hands the expression worker. */
export interface ChannelConfig extends WorkerConfig {
  entry: 'expressions'
  sab: SharedArrayBuffer
  /** Microseconds the worker spins for the next request before it sleeps. */
  spinUs: number
}
