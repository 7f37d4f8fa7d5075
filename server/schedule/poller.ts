import type { Clock } from '../../runtime/engine/types.ts'

/** A check run now and then on an injected clock. */
export interface Poller {
  /** Checks at once, then every `pollMs`. */
  start(): void
  stop(): void
  /** One check now (never two at once: a call during a check waits for it); tests call it with a moved clock. */
  tick(): Promise<void>
}

/**
 * Runs `check` every `pollMs` on the clock's timers, never overlapping: a slow check delays the next
 * one. A failing check is reported and the polling goes on.
 * @example const p = createPoller({ clock, pollMs: 1000, check: fireDue, onError: console.error }); p.start()
 */
export function createPoller(opts: {
  clock: Clock
  pollMs: number
  check: () => Promise<void>
  onError: (err: unknown) => void
}): Poller {
  let running: Promise<void> | undefined
  let timer: unknown
  let stopped = true

  function tick(): Promise<void> {
    running ??= opts.check().finally(() => {
      running = undefined
    })
    return running
  }

  function loop() {
    if (stopped) return
    tick()
      .catch(opts.onError)
      .finally(() => {
        if (!stopped) timer = opts.clock.setTimeout(loop, opts.pollMs)
      })
  }

  return {
    start() {
      if (!stopped) return
      stopped = false
      loop()
    },
    stop() {
      stopped = true
      if (timer !== undefined) opts.clock.clearTimeout(timer)
      timer = undefined
    },
    tick,
  }
}
