import type { Context, Handler } from 'hono'
import { streamSSE } from 'hono/streaming'
import type { RunEvent } from '../../runtime/engine/types.ts'
import { HttpError } from '../app/errors.ts'
import type { EventBus } from './bus.ts'

/** Options of `runEventsSSE`. */
export interface RunEventsSSEOptions {
  /** Persisted events of the run with `seq > afterSeq`, ascending (`EventStore.list`). */
  replay(runId: string, afterSeq: number): Promise<RunEvent[]>
  /**
   * Live events. Contract: an event is published only after it is persisted, so an event missed by
   * the subscription (published before it) is found by the replay.
   */
  bus: EventBus
  /** Whether the run has ended (a client that already saw `run.finished` gets an empty stream). */
  isFinished(runId: string): boolean | Promise<boolean>
  /** Comment line sent this often so proxies keep the connection. Default 15 s. */
  heartbeatMs?: number
  /** Live events held for a slow client before the stream is closed (it reconnects and replays). */
  maxBuffered?: number
  /** The route parameter holding the run id. Default `id`. */
  param?: string
}

/**
 * The resume point: `Last-Event-ID` (set by EventSource on reconnect) or `?after=`, else -1 (all).
 * @example afterSeqOf(c) // 41 after `Last-Event-ID: 41`
 */
export function afterSeqOf(c: Context): number {
  const raw = c.req.header('last-event-id') ?? c.req.query('after')
  if (raw === undefined || raw === '') return -1
  if (!/^(-1|\d{1,15})$/.test(raw.trim())) {
    throw new HttpError(400, 'BAD_EVENT_ID', 'Last-Event-ID (or ?after=) must be an event sequence number')
  }
  return Number(raw.trim())
}

/**
 * `GET /api/runs/:id/events`: replays the run's events after the resume point, then streams live ones,
 * with no gap and no duplicate. It subscribes before replaying and buffers live events meanwhile, then
 * sends everything in seq order, skipping seqs already sent; a live seq that jumps ahead triggers one
 * more replay to fill the hole. `id:` is the seq, `event:` the type, `data:` the event as JSON. The
 * stream ends after `run.finished` or when the client leaves (the subscription is dropped either way).
 * Check the caller's access to the run before this handler.
 * @example app.get('/api/runs/:id/events', requirePermission('run.read'), runEventsSSE({ replay, bus, isFinished }))
 */
export function runEventsSSE(options: RunEventsSSEOptions): Handler {
  if (typeof options?.replay !== 'function') throw new TypeError('runEventsSSE: replay is required')
  if (typeof options.bus?.subscribe !== 'function') throw new TypeError('runEventsSSE: bus is required')
  if (typeof options.isFinished !== 'function') throw new TypeError('runEventsSSE: isFinished is required')
  const heartbeatMs = options.heartbeatMs ?? 15_000
  const maxBuffered = options.maxBuffered ?? 10_000
  const param = options.param ?? 'id'
  if (!(heartbeatMs > 0) || !(maxBuffered > 0)) throw new TypeError('runEventsSSE: limits must be positive')

  return function runEventsHandler(c) {
    const runId = c.req.param(param)
    if (!runId) throw new HttpError(400, 'BAD_REQUEST', `missing :${param}`)
    let lastSeq = afterSeqOf(c)

    return streamSSE(c, async (stream) => {
      const pending: RunEvent[] = []
      let wake: (() => void) | undefined
      let closed = false
      let finished = false
      const stop = () => {
        closed = true
        wake?.()
      }
      const unsubscribe = options.bus.subscribe(runId, (event) => {
        pending.push(event)
        if (pending.length > maxBuffered) stop()
        wake?.()
      })
      stream.onAbort(stop)
      c.req.raw.signal?.addEventListener('abort', stop, { once: true })
      const heartbeat = setInterval(() => {
        if (!closed) void stream.write(': heartbeat\n\n')
      }, heartbeatMs)

      const send = async (events: RunEvent[]) => {
        for (const event of events) {
          if (closed || event.seq <= lastSeq) continue
          await stream.writeSSE({ id: String(event.seq), event: event.type, data: JSON.stringify(event) })
          lastSeq = event.seq
          if (event.type === 'run.finished') finished = true
        }
      }

      try {
        await send(await options.replay(runId, lastSeq))
        let checkedFinished = false
        let ended = false
        while (!closed && !finished) {
          if (pending.length > 0) {
            const batch = pending.splice(0).sort((a, b) => a.seq - b.seq)
            const first = batch[0]
            if (first && first.seq > lastSeq + 1) await send(await options.replay(runId, lastSeq))
            await send(batch)
            continue
          }
          if (ended) break
          if (!checkedFinished) {
            checkedFinished = true
            // A run that ended before we subscribed: its events were replayed; drain what came since.
            ended = await options.isFinished(runId)
            continue
          }
          await new Promise<void>((resolve) => {
            wake = resolve
          })
          wake = undefined
        }
      } finally {
        clearInterval(heartbeat)
        unsubscribe()
        c.req.raw.signal?.removeEventListener('abort', stop)
      }
    })
  }
}
