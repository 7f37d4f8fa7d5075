import type { Clock, EngineLimits } from './types.ts'

/** Limits used when `EngineDeps.limits` leaves them out. */
export const DEFAULT_LIMITS: EngineLimits = {
  concurrency: 8,
  maxEventOutputBytes: 64 * 1024,
  maxCallDepth: 8,
  maxForEachItems: 10_000,
}

/** The real clock: the only place the engine touches `Date` and timers. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
}

/**
 * Run ids: random UUIDs when `crypto.randomUUID` exists, a counter otherwise.
 * @example const id = defaultIds() // 'run_6f1c…'
 */
export function defaultIds(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto
  if (c?.randomUUID) return `run_${c.randomUUID()}`
  counter++
  return `run_${counter.toString(36)}`
}
let counter = 0
