import { describe, expect, it, vi } from 'vitest'
import type { Clock } from '../../runtime/engine/types.ts'
import { createScheduler, type Schedule, type ScheduleFireStore, type SchedulerOptions } from './scheduler.ts'

const t = (iso: string) => Date.parse(iso)
const iso = (ms: number) => new Date(ms).toISOString()

/** A settable clock whose timers run only when the test says so. */
function fakeClock(start: number) {
  let now = start
  const timers = new Map<number, () => void>()
  let next = 0
  const clock: Clock = {
    now: () => now,
    setTimeout(fn) {
      timers.set(++next, fn)
      return next
    },
    clearTimeout(handle) {
      timers.delete(handle as number)
    },
  }
  return {
    clock,
    set: (ms: number) => (now = ms),
    pendingTimers: () => timers.size,
  }
}

/** The `schedule_fires` table in memory: shared between "processes" and "restarts". */
function memoryFires(): ScheduleFireStore & { rows: Set<string> } {
  const rows = new Set<string>()
  return {
    rows,
    async claim(playbookId, slot) {
      const key = `${playbookId}@${slot}`
      if (rows.has(key)) return false
      rows.add(key)
      return true
    },
  }
}

function setup(start: string, schedules: Schedule[], extra: Partial<SchedulerOptions> = {}) {
  const clock = fakeClock(t(start))
  const fires = memoryFires()
  const fired: string[] = []
  const make = () =>
    createScheduler({
      clock: clock.clock,
      fires,
      list: () => schedules,
      onFire: (id, slot) => {
        fired.push(`${id}@${iso(slot)}`)
      },
      ...extra,
    })
  return { ...clock, fires, fired, make, schedules }
}

const hourly: Schedule = { playbookId: 'pb', cron: '0 * * * *' }

describe('scheduler', () => {
  it('fires each slot once as time passes', async () => {
    const s = setup('2024-01-01T10:30:00Z', [hourly])
    const scheduler = s.make()
    await scheduler.tick()
    expect(s.fired).toEqual(['pb@2024-01-01T10:00:00.000Z']) // the missed slot, 30 min ago
    s.set(t('2024-01-01T10:59:59Z'))
    await scheduler.tick()
    s.set(t('2024-01-01T11:00:00Z'))
    await scheduler.tick()
    await scheduler.tick()
    s.set(t('2024-01-01T12:00:01Z'))
    await scheduler.tick()
    expect(s.fired).toEqual([
      'pb@2024-01-01T10:00:00.000Z',
      'pb@2024-01-01T11:00:00.000Z',
      'pb@2024-01-01T12:00:00.000Z',
    ])
  })

  it('does not backfill slots older than the catch-up window at start', async () => {
    const s = setup('2024-01-01T10:00:00Z', [{ playbookId: 'pb', cron: '0 9 * * *' }])
    s.set(t('2024-01-01T10:00:00.001Z'))
    await s.make().tick()
    expect(s.fired).toEqual([]) // 09:00 is more than an hour ago
  })

  it('catches up only the most recent missed slot by default, more when configured', async () => {
    const quarterly: Schedule = { playbookId: 'pb', cron: '*/15 * * * *' }
    const s = setup('2024-01-01T10:50:00Z', [quarterly])
    await s.make().tick()
    expect(s.fired).toEqual(['pb@2024-01-01T10:45:00.000Z'])
    const more = setup('2024-01-01T10:50:00Z', [quarterly], { catchUp: { maxSlots: 3, windowMs: 3_600_000 } })
    await more.make().tick()
    expect(more.fired.map((f) => f.slice(14, 19))).toEqual(['10:15', '10:30', '10:45'])
  })

  it('never fires a slot twice across a restart or a second process', async () => {
    const s = setup('2024-01-01T11:00:00Z', [hourly])
    await s.make().tick()
    await s.make().tick() // restarted process, same store
    const other = s.make()
    await Promise.all([other.tick(), s.make().tick()])
    expect(s.fired).toEqual(['pb@2024-01-01T11:00:00.000Z'])
  })

  it('starts a schedule published later from its next slot', async () => {
    const s = setup('2024-01-01T10:30:00Z', [])
    const scheduler = s.make()
    await scheduler.tick()
    s.schedules.push(hourly)
    s.set(t('2024-01-01T10:40:00Z'))
    await scheduler.tick()
    expect(s.fired).toEqual([])
    s.set(t('2024-01-01T11:00:00Z'))
    await scheduler.tick()
    expect(s.fired).toEqual(['pb@2024-01-01T11:00:00.000Z'])
  })

  it('reports a bad cron and a failing fire but keeps the other schedules going', async () => {
    const onError = vi.fn()
    const s = setup(
      '2024-01-01T11:00:00Z',
      [{ playbookId: 'bad', cron: 'nope' }, { playbookId: 'boom', cron: '0 * * * *' }, hourly],
      {
        onError,
        onFire: (id) => {
          if (id === 'boom') throw new Error('queue full')
          s.fired.push(id)
        },
      },
    )
    await s.make().tick()
    expect(s.fired).toEqual(['pb'])
    expect(onError.mock.calls.map(([, sch]) => sch.playbookId)).toEqual(['bad', 'boom'])
  })

  it('polls through the injected clock and stops cleanly', async () => {
    const s = setup('2024-01-01T11:00:00Z', [hourly])
    const scheduler = s.make()
    scheduler.start()
    await vi.waitFor(() => expect(s.pendingTimers()).toBe(1))
    expect(s.fired).toEqual(['pb@2024-01-01T11:00:00.000Z'])
    scheduler.stop()
    expect(s.pendingTimers()).toBe(0)
  })

  it('validates its options at once', () => {
    expect(() => createScheduler({} as SchedulerOptions)).toThrow(TypeError)
  })
})
