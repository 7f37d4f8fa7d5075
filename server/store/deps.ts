import { randomUUID } from 'node:crypto'

/** What the stores take from the outside world, injected so tests control time and ids. */
export interface StoreDeps {
  now?: () => number
  ids?: () => string
}

/** `StoreDeps` with defaults filled in (the system clock, random UUIDs). */
export function withDefaults(deps: StoreDeps = {}): Required<StoreDeps> {
  return { now: deps.now ?? Date.now, ids: deps.ids ?? randomUUID }
}
