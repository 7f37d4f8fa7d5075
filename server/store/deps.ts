import { randomFillSync } from 'node:crypto'
import { v7 as uuidv7 } from 'uuid'

/** What the stores take from the outside world, injected so tests control time and ids. */
export interface StoreDeps {
  now?: () => number
  ids?: () => string
}

/**
 * `StoreDeps` with defaults filled in: the system clock, and time-ordered UUIDs (version 7: 48 bits
 * of milliseconds, then 74 random bits). Ordered ids append to the right of every index keyed by them
 * (runs, their events and steps, alerts) instead of landing on a random page, so a commit dirties a
 * few pages rather than one per row, and the hot pages stay in SQLite's cache.
 */
export function withDefaults(deps: StoreDeps = {}): Required<StoreDeps> {
  return { now: deps.now ?? Date.now, ids: deps.ids ?? newId }
}

// Random bytes for ids, drawn from the OS 4 KB at a time (uuid's own source asks WebCrypto for 16
// bytes per id, about 10 µs each on the webhook path).
const pool = Buffer.alloc(4096)
let offset = pool.length
// The millisecond and 32-bit counter of the last id. uuid keeps ids monotonic within a millisecond
// only when it draws its own random bytes, so the same method (RFC 9562 §6.2, a counter seeded at
// random each millisecond) is kept here: runs queued in one millisecond are claimed in order.
let lastMs = Number.NEGATIVE_INFINITY
let seq = 0

/** A new time-ordered id (UUID version 7), greater than every id made before it in this process. */
export function newId(): string {
  if (offset + 16 > pool.length) {
    randomFillSync(pool)
    offset = 0
  }
  const random = pool.subarray(offset, offset + 16)
  offset += 16
  const now = Date.now()
  if (now > lastMs) {
    lastMs = now
    seq = ((random[6]! & 0x7f) << 24) | (random[7]! << 16) | (random[8]! << 8) | random[9]!
  } else {
    seq = (seq + 1) | 0
    if (seq === 0) lastMs++
  }
  return uuidv7({ random, msecs: lastMs, seq })
}
