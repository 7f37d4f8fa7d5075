import { describe, expect, it } from 'vitest'
import type { Clock } from '../../runtime/engine/types.ts'
import { createPoller } from './poller.ts'

function manualClock() {
  const timers = new Map<number, () => void>()
  let next = 0
  const clock: Clock = {
    now: () => 0,
    setTimeout(fn) {
      timers.set(++next, fn)
      return next
    },
    clearTimeout: (h) => timers.delete(h as number),
  }
  const fire = () => {
    const due = [...timers.values()]
    timers.clear()
    for (const fn of due) fn()
  }
  return { clock, timers, fire }
}

const settle = () => new Promise((r) => setTimeout(r, 0))

describe('poller', () => {
  it('checks at start and after each interval, goes on after a failure, and stops', async () => {
    const c = manualClock()
    const errors: unknown[] = []
    let checks = 0
    const p = createPoller({
      clock: c.clock,
      pollMs: 1000,
      check: async () => {
        checks++
        if (checks === 2) throw new Error('boom')
      },
      onError: (e) => errors.push(e),
    })
    p.start()
    await settle()
    expect(checks).toBe(1)
    c.fire()
    await settle()
    c.fire()
    await settle()
    expect(checks).toBe(3)
    expect(errors).toEqual([new Error('boom')])
    p.stop()
    expect(c.timers.size).toBe(0)
  })

  it('never runs two checks at once', async () => {
    let release = () => {}
    let checks = 0
    const p = createPoller({
      clock: manualClock().clock,
      pollMs: 1000,
      check: () => {
        checks++
        return new Promise<void>((r) => {
          release = r
        })
      },
      onError: () => {},
    })
    const a = p.tick()
    const b = p.tick()
    expect(b).toBe(a)
    release()
    await a
    expect(checks).toBe(1)
  })
})
