import { createSseParser, type SseMessage } from './sse-parser.ts'

export type { SseMessage }

/** Where a stream stands: opening, receiving, waiting to reconnect, or done for good. */
export type SseState = 'connecting' | 'open' | 'reconnecting' | 'closed'

/** Options of `openSse`. */
export interface SseOptions {
  onMessage(message: SseMessage): void
  /** Told of every state change; `error` says why a connection dropped or the stream gave up. */
  onState?(state: SseState, info: { error?: string; retryInMs?: number }): void
  /** True for the message after which the stream is complete (no reconnect). */
  isTerminal?(message: SseMessage): boolean
  /** Resume after this id (sent as `Last-Event-ID` on the first connection too). */
  lastEventId?: string
  /** First reconnection delay; doubled after each failed attempt. Default 500 ms (or the server's `retry:`). */
  retryMs?: number
  /** Longest reconnection delay. Default 10 s. */
  maxRetryMs?: number
}

/** An open stream; `close()` stops it for good. */
export interface SseConnection {
  close(): void
  readonly lastEventId: string
  readonly state: SseState
}

/** The `error` of a `reconnecting` state after the server ended the stream cleanly (not a failure). */
export const STREAM_ENDED = 'the stream ended'

/** A failure that reconnecting cannot fix (a 4xx, or not an event stream). */
class FatalStreamError extends Error {}

/**
 * An EventSource-like client on `fetch` streaming (same-origin credentials): parses the event stream,
 * tracks the last event id and, after a dropped connection or a server error, reconnects with
 * `Last-Event-ID` and exponential backoff. It stops after a terminal message, on `close()`, or on an
 * answer that retrying cannot fix (4xx, wrong content type).
 * @example const s = openSse('/api/runs/r1/events', { onMessage: (m) => log(m), isTerminal: (m) => m.event === 'run.finished' })
 */
export function openSse(url: string, options: SseOptions): SseConnection {
  const maxRetryMs = options.maxRetryMs ?? 10_000
  let baseRetryMs = options.retryMs ?? 500
  let failures = 0
  let state: SseState = 'connecting'
  let stopped = false
  let controller: AbortController | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  let wake: (() => void) | undefined
  let received = false

  const setState = (next: SseState, info: { error?: string; retryInMs?: number } = {}) => {
    state = next
    options.onState?.(next, info)
  }

  const parser = createSseParser(
    {
      onMessage(message) {
        if (stopped) return
        failures = 0
        received = true
        options.onMessage(message)
        if (!stopped && options.isTerminal?.(message)) stop()
      },
      onRetry(ms) {
        baseRetryMs = ms
      },
    },
    options.lastEventId ?? '',
  )

  const stop = (error?: string) => {
    if (stopped) return
    stopped = true
    if (timer !== undefined) clearTimeout(timer)
    wake?.()
    controller?.abort()
    setState('closed', error === undefined ? {} : { error })
  }

  const connect = async () => {
    controller = new AbortController()
    received = false
    parser.reset()
    setState('connecting')
    const headers: Record<string, string> = { accept: 'text/event-stream' }
    if (parser.lastEventId !== '') headers['last-event-id'] = parser.lastEventId
    const response = await fetch(new URL(url, globalThis.location?.href), {
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      signal: controller.signal,
    })
    if (!response.ok) {
      const reason = `the server answered ${response.status}`
      if (response.status >= 400 && response.status < 500 && response.status !== 429)
        throw new FatalStreamError(reason)
      throw new Error(reason)
    }
    if (!response.headers.get('content-type')?.startsWith('text/event-stream'))
      throw new FatalStreamError('the answer is not an event stream')
    if (!response.body) throw new Error('the answer has no body')
    setState('open')
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done || stopped) break
      parser.push(value)
    }
    // A connection that ends without a message counts as a failure, so an empty loop backs off.
    if (!received) failures++
  }

  const run = async () => {
    while (!stopped) {
      let error: string | undefined
      try {
        await connect()
      } catch (err) {
        if (stopped) return
        if (err instanceof FatalStreamError) return stop(err.message)
        error = err instanceof Error ? err.message : String(err)
        failures++
      }
      if (stopped) return
      const retryInMs = Math.min(maxRetryMs, baseRetryMs * 2 ** Math.max(0, failures - 1))
      setState('reconnecting', { retryInMs, error: error ?? STREAM_ENDED })
      await new Promise<void>((resolve) => {
        wake = resolve
        timer = setTimeout(resolve, retryInMs)
      })
      timer = undefined
      wake = undefined
    }
  }
  void run()

  return {
    close: () => stop(),
    get lastEventId() {
      return parser.lastEventId
    },
    get state() {
      return state
    },
  }
}
