import type { Clock } from '../../runtime/engine/types.ts'

/** A running lease renewal; `stop` it when the run ends. */
export interface LeaseKeeper {
  stop(): void
}

export interface LeaseOptions {
  clock: Clock
  /** Renew this often: well within the lease (a third of it). */
  everyMs: number
  /** Extends the lease; false when the worker lost it. */
  renew(): Promise<boolean>
  /** The lease is gone (another worker may hold the run now): stop writing to it. */
  onLost(): void
  onError(err: unknown): void
}

/**
 * Renews a claimed run's lease until stopped. A failed renewal is retried on the next beat; only a
 * renewal the store refuses counts as lost.
 * @example const lease = startLease({ clock, everyMs: 10_000, renew: () => queue.renew(id, me), onLost, onError })
 */
export function startLease(opts: LeaseOptions): LeaseKeeper {
  let stopped = false
  let handle: unknown
  const beat = async () => {
    if (stopped) return
    try {
      if (!(await opts.renew()) && !stopped) {
        stopped = true
        opts.onLost()
        return
      }
    } catch (err) {
      opts.onError(err)
    }
    schedule()
  }
  const schedule = () => {
    if (!stopped) handle = opts.clock.setTimeout(() => void beat(), opts.everyMs)
  }
  schedule()
  return {
    stop() {
      stopped = true
      if (handle !== undefined) opts.clock.clearTimeout(handle)
    },
  }
}
