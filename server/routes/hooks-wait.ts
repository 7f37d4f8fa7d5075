import type { Clock } from '../../runtime/engine/types.ts'
import type { EventBus } from '../events/bus.ts'
import type { RunStore } from '../store/run-store.ts'

/** Run statuses after which nothing more happens. */
export const ENDED_STATUSES: ReadonlySet<string> = new Set(['succeeded', 'failed', 'cancelled', 'timed_out'])

/** How often the stored status is read while waiting. */
const POLL_MS = 50

/** How a run ended, as the webhook's wait mode answers it. */
export interface RunOutcome {
  runId: string
  status: string
  outputs?: Record<string, unknown>
  error?: { code: string; message: string }
}

/** Options of `waitForRuns`. */
export interface WaitForRunsOptions {
  runs: Pick<RunStore, 'get'>
  bus: Pick<EventBus, 'subscribe'>
  clock: Pick<Clock, 'setTimeout' | 'clearTimeout'>
  /** Longest wait. */
  ms: number
  /** The client went away: stop waiting. */
  signal?: AbortSignal
}

/**
 * Waits until every run has ended, up to `ms`, and returns their outcomes, or undefined when time ran
 * out first (a run waiting for an approval has not ended). The stored status decides; a `run.finished`
 * on the bus only makes it look again at once, and it also looks every `POLL_MS`, so an end announced
 * before it was stored (or before the subscription) is not missed.
 * @example const outcomes = await waitForRuns(runIds, { runs, bus, clock, ms: 5000, signal })
 */
export async function waitForRuns(
  runIds: string[],
  opts: WaitForRunsOptions,
): Promise<RunOutcome[] | undefined> {
  const pending = new Set(runIds)
  const unsubscribes: (() => void)[] = []
  let deadline: unknown
  let wake: ((v: 'check' | 'timeout') => void) | undefined
  const poke = (v: 'check' | 'timeout') => wake?.(v)
  const onAbort = () => poke('timeout')
  opts.signal?.addEventListener('abort', onAbort, { once: true })
  try {
    for (const runId of runIds)
      unsubscribes.push(opts.bus.subscribe(runId, (e) => e.type === 'run.finished' && poke('check')))
    deadline = opts.clock.setTimeout(() => poke('timeout'), opts.ms)
    for (;;) {
      for (const runId of [...pending]) {
        const run = await opts.runs.get(runId)
        if (!run || ENDED_STATUSES.has(run.status)) pending.delete(runId)
      }
      if (pending.size === 0) break
      if (opts.signal?.aborted) return undefined
      let poll: unknown
      const next = await new Promise<'check' | 'timeout'>((resolve) => {
        wake = resolve
        // The bus may announce an end a moment before it is stored: look again shortly after.
        poll = opts.clock.setTimeout(() => resolve('check'), POLL_MS)
      })
      opts.clock.clearTimeout(poll)
      wake = undefined
      if (next === 'timeout') return undefined
    }
  } finally {
    for (const off of unsubscribes) off()
    opts.clock.clearTimeout(deadline)
    opts.signal?.removeEventListener('abort', onAbort)
  }
  const outcomes: RunOutcome[] = []
  for (const runId of runIds) {
    const run = await opts.runs.get(runId)
    if (!run) continue
    const outputs = run.state?.outputs
    outcomes.push({
      runId,
      status: run.status,
      ...(outputs ? { outputs } : {}),
      ...(run.error ? { error: run.error } : {}),
    })
  }
  return outcomes
}
