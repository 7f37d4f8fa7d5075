import type { Cron } from 'croner'
import type { Clock } from '../../runtime/engine/types.ts'
import { createPoller } from './poller.ts'
import { parseCron, slotsBetween } from './slots.ts'

/** A cron trigger of a published playbook. */
export interface Schedule {
  playbookId: string
  cron: string
  /** IANA name; the server's zone when absent. */
  timezone?: string
}

/** Records fired slots; the SQLite store inserts into `schedule_fires` (primary key playbook + slot). */
export interface ScheduleFireStore {
  /** True only the first time a slot (epoch ms) is claimed, atomically, across processes and restarts. */
  claim(playbookId: string, slot: number): boolean | Promise<boolean>
}

/** Options of `createScheduler`. */
export interface SchedulerOptions {
  clock: Clock
  fires: ScheduleFireStore
  /** The current schedules; read on every tick, so publishing takes effect without a restart. */
  list(): Schedule[] | Promise<Schedule[]>
  /** Starts a run for the slot (epoch ms); called once per slot, after a successful claim. */
  onFire(playbookId: string, slot: number): void | Promise<void>
  /** Missed slots fired at start: only those within `windowMs` (default 1 h), the latest `maxSlots` (default 1). */
  catchUp?: { windowMs?: number; maxSlots?: number }
  /** How often schedules are checked. Default 1 s. */
  pollMs?: number
  /** Told about a bad cron, a failed claim or a failed fire; the other schedules go on. */
  onError?: (err: unknown, schedule: Schedule) => void
}

/** A running scheduler. */
export interface Scheduler {
  /** Checks at once (with catch-up), then every `pollMs`. */
  start(): void
  stop(): void
  /** One check now; `start` calls it, tests call it with a moved clock. */
  tick(): Promise<void>
}

/**
 * Fires cron triggers once per slot. At start it fires at most the most recent missed slot(s) within
 * the catch-up window, never an old backlog; afterwards every slot since the previous check. A slot
 * fires only when `fires.claim` wins, so a restart or a second process never fires it twice. A
 * schedule that appears later (a new publish) starts from its next slot.
 * @example
 * const scheduler = createScheduler({ clock, fires, list: () => store.schedules(), onFire: enqueueRun })
 * scheduler.start()
 */
export function createScheduler(options: SchedulerOptions): Scheduler {
  for (const key of ['list', 'onFire'] as const) {
    if (typeof options?.[key] !== 'function') throw new TypeError(`createScheduler: ${key} is required`)
  }
  if (typeof options.fires?.claim !== 'function')
    throw new TypeError('createScheduler: fires.claim is required')
  if (typeof options.clock?.now !== 'function') throw new TypeError('createScheduler: clock is required')
  const { clock, fires, onFire } = options
  const windowMs = options.catchUp?.windowMs ?? 3_600_000
  const maxSlots = options.catchUp?.maxSlots ?? 1
  const pollMs = options.pollMs ?? 1000
  if (!(windowMs >= 0) || !(maxSlots >= 0) || !(pollMs > 0)) {
    throw new TypeError('createScheduler: catchUp and pollMs must be non-negative numbers')
  }
  const onError = options.onError ?? ((err, s) => console.error(`schedule of ${s.playbookId}:`, err))

  const parsed = new Map<string, Cron | Error>()
  /** Per schedule (playbook + pattern + zone): the time up to which slots were handled. */
  const checkedUpTo = new Map<string, number>()
  let firstTick = true

  const patternKey = (s: Schedule) => `${s.cron}\u0000${s.timezone ?? ''}`
  const keyOf = (s: Schedule) => `${s.playbookId}\u0000${patternKey(s)}`

  function cronOf(s: Schedule): Cron | Error {
    const key = patternKey(s)
    let cron = parsed.get(key)
    if (!cron) {
      try {
        cron = parseCron(s.cron, s.timezone)
      } catch (err) {
        cron = err instanceof Error ? err : new Error(String(err))
      }
      parsed.set(key, cron)
    }
    return cron
  }

  async function fireDue(s: Schedule, now: number, atStart: boolean): Promise<void> {
    const cron = cronOf(s)
    if (cron instanceof Error) return onError(cron, s)
    const key = keyOf(s)
    const since = checkedUpTo.get(key)
    checkedUpTo.set(key, now)
    let due: number[]
    if (since !== undefined) due = slotsBetween(cron, since, now).filter((slot) => slot >= now - windowMs)
    else if (atStart && maxSlots > 0) due = slotsBetween(cron, now - windowMs - 1, now, maxSlots)
    else due = []
    for (const slot of due) {
      try {
        if (await fires.claim(s.playbookId, slot)) await onFire(s.playbookId, slot)
      } catch (err) {
        onError(err, s)
      }
    }
  }

  async function check(): Promise<void> {
    const now = clock.now()
    const atStart = firstTick
    firstTick = false
    const schedules = await options.list()
    const live = new Set<string>()
    const livePatterns = new Set<string>()
    for (const s of schedules) {
      live.add(keyOf(s))
      livePatterns.add(patternKey(s))
      await fireDue(s, now, atStart)
    }
    // Forget removed schedules, so a re-added one starts from its next slot and memory stays bounded.
    for (const key of checkedUpTo.keys()) if (!live.has(key)) checkedUpTo.delete(key)
    for (const key of parsed.keys()) if (!livePatterns.has(key)) parsed.delete(key)
  }

  return createPoller({ clock, pollMs, check, onError: (err) => console.error('scheduler:', err) })
}
