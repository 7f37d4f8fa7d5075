import type { Clock } from '../../runtime/engine/types.ts'
import type { LeaseStatus } from '../store/run-store.ts'

/** A running lease renewal; `stop` it when the run ends. */
export interface LeaseKeeper {
  stop(): void
}

export interface LeaseOptions {
  clock: Clock
  /** Renew this often: well within the lease (a third of it). */
  everyMs: number
  /** Extends the lease: `lost` when the worker lost it, `cancel-requested` when a cancel was asked. */
  renew(): Promise<LeaseStatus>
  /** The lease is gone (another worker may hold the run now): stop writing to it. */
  onLost(): void
  /** Another process asked to cancel the run (told once; renewals go on while the run winds down). */
  onCancelRequested(): void
  onError(err: unknown): void
}

/**
 * Renews a claimed run's lease until stopped. A failed renewal is retried on the next beat; only a
 * renewal the store refuses counts as lost. A renewal is also how a cancel asked by another process
 * reaches the worker that runs the run.
 * @example const lease = startLease({ clock, everyMs: 10_000, renew: () => queue.renew(id, me), onLost, onCancelRequested, onError })
 */
export function startLease(opts: LeaseOptions): LeaseKeeper {
  let stopped = false
  let cancelTold = false
  let handle: unknown
  const beat = async () => {
    if (stopped) return
    try {
      const status = await opts.renew()
      if (stopped) return
      if (status === 'lost') {
        stopped = true
        opts.onLost()
        return
      }
      if (status === 'cancel-requested' && !cancelTold) {
        cancelTold = true
        opts.onCancelRequested()
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
