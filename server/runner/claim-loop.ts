import type { Clock } from '../../runtime/engine/types.ts'
import type { RunQueue } from '../queue/run-queue.ts'
import type { RunRecord } from '../store/run-store.ts'

/** Claims queued runs and hands them to `execute`, at most `concurrency` at once. */
export interface ClaimLoop {
  start(): void
  /** Stops claiming; runs already handed out keep going. */
  stop(): void
  /** Claims now (a run was queued or woken in this process). */
  kick(): void
  /** Runs handed out and not yet done. */
  readonly active: number
}

export interface ClaimLoopOptions {
  queue: RunQueue
  workerId: string
  concurrency: number
  clock: Clock
  /** Fallback poll, for runs queued by other processes or woken without a notification. */
  pollMs: number
  /** Executes a claimed run; the slot frees when the promise settles. */
  execute(run: RunRecord): Promise<void>
  /** Gives back a run claimed after `stop` (its lease expires at once). */
  release(run: RunRecord): Promise<void>
  onError(err: unknown): void
}

/**
 * The worker pool's claim loop: woken by `queue.subscribe` (no busy polling), with a slow fallback
 * poll, and never more than `concurrency` runs in flight; the free slots are claimed together. Kicks during a claim pass trigger one more
 * pass, so a wake-up is never lost.
 * @example const loop = createClaimLoop({ queue, workerId, concurrency: 8, clock, pollMs: 5000, execute, onError }); loop.start()
 */
export function createClaimLoop(opts: ClaimLoopOptions): ClaimLoop {
  const { queue, clock } = opts
  let active = 0
  let running = false
  let claiming = false
  let again = false
  let unsubscribe: (() => void) | undefined
  let poll: unknown

  async function pass(): Promise<void> {
    if (claiming) {
      again = true
      return
    }
    claiming = true
    try {
      do {
        again = false
        while (running && active < opts.concurrency) {
          // Every free slot claims at once: the claims share one grouped commit, so a busy event
          // loop (long ticks under HTTP load) still fills all slots in one tick.
          const wanted = opts.concurrency - active
          const claims = await Promise.allSettled(
            Array.from({ length: wanted }, () => queue.claim(opts.workerId)),
          )
          let drained = false
          for (const claim of claims) {
            if (claim.status === 'rejected') {
              opts.onError(claim.reason)
              drained = true
              continue
            }
            const run = claim.value
            if (!run) {
              drained = true
              continue
            }
            if (!running) {
              // Stopped during the claim: give the run back for recovery by another worker or start.
              await opts.release(run)
              continue
            }
            active++
            void opts
              .execute(run)
              .catch(opts.onError)
              .finally(() => {
                active--
                void pass()
              })
          }
          if (drained) break
        }
      } while (again && running)
    } catch (err) {
      opts.onError(err)
    } finally {
      claiming = false
    }
  }

  const schedulePoll = () => {
    if (!running) return
    poll = clock.setTimeout(() => {
      void pass().finally(schedulePoll)
    }, opts.pollMs)
  }

  return {
    start() {
      if (running) return
      running = true
      unsubscribe = queue.subscribe(() => void pass())
      schedulePoll()
      void pass()
    },
    stop() {
      running = false
      unsubscribe?.()
      if (poll !== undefined) clock.clearTimeout(poll)
    },
    kick: () => void pass(),
    get active() {
      return active
    },
  }
}
