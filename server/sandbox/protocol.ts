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
