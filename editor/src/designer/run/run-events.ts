import type { RunEvent } from '../../../../runtime/engine/types.ts'
import { openSse, type SseConnection, type SseMessage, type SseState } from './sse.ts'

export type { RunEvent }

const NODE_EVENTS = new Set([
  'node.started',
  'node.succeeded',
  'node.failed',
  'node.retrying',
  'node.skipped',
  'node.waiting',
  'node.cancelled',
  'node.log',
])
const RUN_EVENTS = new Set(['run.started', 'run.finished'])

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v)

/** Why a message is not a usable run event: `malformed` (not JSON, missing fields) or `unknown` (a newer type). */
export type ParsedRunEvent = { event: RunEvent } | { rejected: 'malformed' | 'unknown' }

/**
 * Reads one SSE message of `GET /api/runs/:id/events` as a run event, checking the fields the overlay
 * relies on. Never throws.
 * @example parseRunEvent({ id: '0', event: 'run.started', data: '{"type":"run.started","seq":0,...}' })
 */
export function parseRunEvent(message: SseMessage): ParsedRunEvent {
  let value: unknown
  try {
    value = JSON.parse(message.data)
  } catch {
    return { rejected: 'malformed' }
  }
  if (!isObject(value) || typeof value.type !== 'string') return { rejected: 'malformed' }
  if (!Number.isInteger(value.seq) || typeof value.at !== 'number') return { rejected: 'malformed' }
  const { type } = value
  if (NODE_EVENTS.has(type)) {
    if (typeof value.nodeId !== 'string') return { rejected: 'malformed' }
    if (type === 'node.succeeded' && !Array.isArray(value.ports)) return { rejected: 'malformed' }
  } else if (RUN_EVENTS.has(type)) {
    if (type === 'run.finished' && typeof value.status !== 'string') return { rejected: 'malformed' }
  } else {
    return { rejected: 'unknown' }
  }
  return { event: value as unknown as RunEvent }
}

/**
 * True for the event after which a run produces no more events. A run that suspends on an approval
 * also sends `run.finished` (status `waiting`), but it goes on after the decision.
 */
export function endsRun(event: RunEvent): boolean {
  return event.type === 'run.finished' && event.status !== 'waiting'
}

/** Handlers of `watchRun`. */
export interface RunWatchHandlers {
  onEvent(event: RunEvent): void
  onState?(state: SseState, info: { error?: string; retryInMs?: number }): void
  /** A message that is not a run event was ignored; `count` so far. */
  onMalformed?(count: number): void
}

/**
 * Follows a run's trace over Server-Sent Events: the past events, then live ones until the run ends,
 * resuming after a dropped connection. Malformed messages are ignored and counted, never fatal.
 * @example const w = watchRun('r1', { onEvent: (e) => apply(e) }); w.close()
 */
export function watchRun(runId: string, handlers: RunWatchHandlers, base = ''): SseConnection {
  let malformed = 0
  // isTerminal is asked right after onMessage, about the same message.
  let ended = false
  return openSse(`${base}/api/runs/${encodeURIComponent(runId)}/events`, {
    onMessage(message) {
      const parsed = parseRunEvent(message)
      ended = 'event' in parsed && endsRun(parsed.event)
      if ('event' in parsed) handlers.onEvent(parsed.event)
      else if (parsed.rejected === 'malformed') handlers.onMalformed?.(++malformed)
    },
    isTerminal: () => ended,
    ...(handlers.onState ? { onState: handlers.onState } : {}),
  })
}
