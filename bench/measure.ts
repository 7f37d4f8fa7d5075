import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

/** Runs `fn` `iterations` times after `warmup` runs and returns per-iteration times in ms. */
export async function sample(
  fn: () => unknown,
  iterations: number,
  warmup = Math.min(20, iterations),
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn()
  const times: number[] = []
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now()
    await fn()
    times.push(performance.now() - t0)
  }
  return times
}

/** The q-quantile (0..1) of a list of numbers. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))
  return sorted[idx] ?? Number.NaN
}

/** Formats a number with a fixed number of significant decimals. */
export function fmt(n: number, digits = 2): string {
  return n.toFixed(digits)
}

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

/**
 * A full garbage collection, so one benchmark neither pays for another's garbage (a collection
 * running in the background) nor counts it in a memory figure.
 */
export function collectGarbage(): void {
  gc()
}
