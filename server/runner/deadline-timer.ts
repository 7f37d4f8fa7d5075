import type { Clock } from '../../runtime/engine/types.ts'

/** Longest single sleep: timers beyond ~24.8 days overflow, and a shorter cap also bounds clock drift. */
const MAX_SLEEP_MS = 3_600_000

/** After a failed `fire`, wait at least this long: a broken store must not spin the timer. */
const RETRY_MS = 1000

/** A one-shot timer that sleeps until the next deadline a store reports, fires, and re-arms. */
export interface DeadlineTimer {
  /** (Re)reads the next deadline and sleeps until it; call after adding a deadline and at start. */
  arm(): Promise<void>
  stop(): void
}

export interface DeadlineTimerOptions {
  clock: Clock
  /** The earliest deadline (epoch ms), or undefined when there is none. */
  next(): Promise<number | undefined>
  /** Handles every deadline at or before `now`. */
  fire(now: number): Promise<void>
  onError(err: unknown): void
}

/**
 * Durable timeouts without a timer per item: the deadlines live in the store, and one timer sleeps
 * until the earliest. Because it re-reads the store when armed, it survives restarts.
 * @example const timer = createDeadlineTimer({ clock, next: () => approvals.nextTimeout(), fire, onError }); await timer.arm()
 */
export function createDeadlineTimer(opts: DeadlineTimerOptions): DeadlineTimer {
  const { clock } = opts
  let handle: unknown
  let generation = 0
  let stopped = false
  let minDelay = 0

  const clear = () => {
    if (handle !== undefined) clock.clearTimeout(handle)
    handle = undefined
  }

  async function arm(): Promise<void> {
    if (stopped) return
    const mine = ++generation
    let at: number | undefined
    try {
      at = await opts.next()
    } catch (err) {
      opts.onError(err)
      return
    }
    if (mine !== generation || stopped) return
    clear()
    if (at === undefined) return
    const ms = Math.min(Math.max(minDelay, at - clock.now()), MAX_SLEEP_MS)
    handle = clock.setTimeout(() => {
      handle = undefined
      void tick()
    }, ms)
  }

  async function tick(): Promise<void> {
    if (stopped) return
    try {
      await opts.fire(clock.now())
      minDelay = 0
    } catch (err) {
      minDelay = RETRY_MS
      opts.onError(err)
    }
    await arm()
  }

  return {
    arm,
    stop() {
      stopped = true
      clear()
    },
  }
}
