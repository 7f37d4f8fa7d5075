import { describe, expect, it, vi } from 'vitest'
import type { RunEvent } from '../../runtime/engine/types.ts'
import { createMemoryEventBus } from './memory-bus.ts'

const ev = (runId: string, seq: number): RunEvent => ({
  type: 'node.started',
  runId,
  seq,
  at: 0,
  nodeId: 'a',
  attempt: 1,
})

describe('memory event bus', () => {
  it('delivers a run’s events to its listeners and to global ones', () => {
    const bus = createMemoryEventBus()
    const one = vi.fn()
    const other = vi.fn()
    const all = vi.fn()
    bus.subscribe('r1', one)
    bus.subscribe('r2', other)
    bus.subscribeAll(all)
    bus.publish('r1', ev('r1', 0))
    expect(one).toHaveBeenCalledWith(ev('r1', 0))
    expect(other).not.toHaveBeenCalled()
    expect(all).toHaveBeenCalledOnce()
  })

  it('unsubscribes without leaking, even twice, and tolerates a listener that throws', () => {
    const onListenerError = vi.fn()
    const bus = createMemoryEventBus({ onListenerError })
    const seen = vi.fn()
    const offBad = bus.subscribe('r1', () => {
      throw new Error('boom')
    })
    const off = bus.subscribe('r1', seen)
    const offAll = bus.subscribeAll(seen)
    bus.publish('r1', ev('r1', 0))
    expect(onListenerError).toHaveBeenCalledOnce()
    expect(seen).toHaveBeenCalledTimes(2)
    offBad()
    off()
    off()
    offAll()
    expect(bus.listenerCount()).toBe(0)
  })

  it('counts the same function subscribed twice as two subscriptions', () => {
    const bus = createMemoryEventBus()
    const fn = vi.fn()
    const off1 = bus.subscribe('r', fn)
    bus.subscribe('r', fn)
    off1()
    bus.publish('r', ev('r', 1))
    expect(fn).toHaveBeenCalledOnce()
  })
})
