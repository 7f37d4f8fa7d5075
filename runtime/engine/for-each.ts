/**
 * Maps over items with at most `concurrency` calls in flight; results come back in input order.
 * Stops launching new items once `signal` is aborted or `fn` asks to stop (fail-fast).
 * @example await mapBounded([1, 2, 3], 2, async (x) => x * 2) // [2, 4, 6]
 */
export async function mapBounded<T, R>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T, index: number) => Promise<R>,
  opts: { signal?: AbortSignal; stop?: () => boolean } = {},
): Promise<(R | undefined)[]> {
  const results: (R | undefined)[] = new Array(items.length).fill(undefined)
  const limit = Math.max(1, Math.min(Math.floor(concurrency) || 1, items.length || 1))
  let next = 0
  const halted = () => opts.signal?.aborted === true || opts.stop?.() === true
  async function worker(): Promise<void> {
    while (next < items.length && !halted()) {
      const i = next++
      results[i] = await fn(items[i] as T, i)
    }
  }
  const workers: Promise<void>[] = []
  for (let w = 0; w < limit; w++) workers.push(worker())
  await Promise.all(workers)
  return results
}
