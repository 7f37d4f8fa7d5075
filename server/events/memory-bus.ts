import type { EventBus, RunEventListener, Unsubscribe } from './bus.ts'

/** Options of `createMemoryEventBus`. */
export interface MemoryEventBusOptions {
  /** Told about a listener that threw; the other listeners still receive the event. */
  onListenerError?: (err: unknown) => void
}

/**
 * A synchronous, one-process `EventBus`. Listeners of a run are dropped with the run's last
 * unsubscribe, so finished runs leave nothing behind.
 * @example
 * const bus = createMemoryEventBus()
 * const off = bus.subscribe('run-1', (e) => console.log(e.seq))
 * bus.publish('run-1', event); off()
 */
export function createMemoryEventBus(options: MemoryEventBusOptions = {}): EventBus & {
  /** Listeners currently registered (per-run plus global), for leak tests. */
  listenerCount(): number
} {
  const onListenerError = options.onListenerError ?? ((err: unknown) => console.error(err))
  const byRun = new Map<string, Set<RunEventListener>>()
  const global = new Set<RunEventListener>()

  function deliver(listeners: Iterable<RunEventListener>, event: Parameters<RunEventListener>[0]) {
    // Copy first: a listener may unsubscribe (itself or another) while we iterate.
    for (const listener of [...listeners]) {
      try {
        listener(event)
      } catch (err) {
        onListenerError(err)
      }
    }
  }

  function add(set: Set<RunEventListener>, listener: RunEventListener, onEmpty?: () => void): Unsubscribe {
    // Wrap so the same function subscribed twice is two subscriptions.
    const entry: RunEventListener = (e) => listener(e)
    set.add(entry)
    return () => {
      set.delete(entry)
      if (set.size === 0) onEmpty?.()
    }
  }

  return {
    publish(runId, event) {
      const listeners = byRun.get(runId)
      if (listeners) deliver(listeners, event)
      deliver(global, event)
    },
    subscribe(runId, listener) {
      let set = byRun.get(runId)
      if (!set) {
        set = new Set()
        byRun.set(runId, set)
      }
      const own = set
      return add(own, listener, () => {
        if (byRun.get(runId) === own) byRun.delete(runId)
      })
    },
    subscribeAll(listener) {
      return add(global, listener)
    },
    listenerCount() {
      let n = global.size
      for (const set of byRun.values()) n += set.size
      return n
    },
  }
}
