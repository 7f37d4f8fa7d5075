import { NodeError } from '../node-type.ts'

/** Stable error codes of the sandbox; tests and the UI rely on them. */
export const SANDBOX_CODES = [
  'SCRIPT_TIMEOUT',
  'SCRIPT_MEMORY',
  'SCRIPT_STACK',
  'SCRIPT_OUTPUT_TOO_LARGE',
  'SCRIPT_ERROR',
  'SCRIPT_RESULT_NOT_JSON',
  'SCRIPT_SYNTAX',
  'SCRIPT_CANCELLED',
] as const

export type SandboxCode = (typeof SANDBOX_CODES)[number]

/** A failed execution as it crosses the worker boundary (plain data). */
export interface SandboxFailure {
  code: SandboxCode
  message: string
  /** 1-based line in the user's code, when known. */
  line?: number
}

/**
 * The error a sandbox call rejects with: a NodeError that is never retried, since the same code
 * with the same data fails the same way.
 * @example throw sandboxError({ code: 'SCRIPT_TIMEOUT', message: 'script ran longer than 1000 ms' })
 */
export function sandboxError(failure: SandboxFailure): NodeError {
  const details = failure.line === undefined ? undefined : { line: failure.line }
  return new NodeError(failure.code, failure.message, { retryable: false, details })
}
