/**
 * An incremental parser of the `text/event-stream` format (the WHATWG "event stream interpretation"):
 * feed it decoded text in chunks of any size and it calls back once per complete message.
 */

/** One dispatched Server-Sent Event. */
export interface SseMessage {
  /** The last event id seen on the stream so far (`id:` fields persist across messages). */
  id: string
  /** The `event:` field, `message` when absent. */
  event: string
  data: string
}

/** What the parser reports. */
export interface SseParserHandlers {
  onMessage(message: SseMessage): void
  /** A `retry:` field: the server's reconnection delay in milliseconds. */
  onRetry?(ms: number): void
}

/** The parser: `push` decoded text, `reset` at a new connection (a partial message is discarded). */
export interface SseParser {
  push(chunk: string): void
  reset(): void
  /** The id of the last complete message (kept across `reset`, as EventSource does). */
  readonly lastEventId: string
}

/**
 * Creates a parser. Lines end with CRLF, LF or CR (also split across chunks); `:` lines are comments;
 * an empty line dispatches the message if it has data.
 * @example const p = createSseParser({ onMessage: (m) => console.log(m.data) }); p.push('data: hi\n\n')
 */
export function createSseParser(handlers: SseParserHandlers, initialId = ''): SseParser {
  let buffer = ''
  let atStart = true
  let skipLf = false
  let data: string[] = []
  let eventType = ''
  let lastEventId = initialId
  // The id read on the current message's lines; it becomes `lastEventId` only when the message ends,
  // so an id of a message cut off by a dropped connection is not resumed from.
  let idBuffer = initialId

  const dispatch = () => {
    lastEventId = idBuffer
    const type = eventType
    eventType = ''
    if (data.length === 0) return
    const message = { id: lastEventId, event: type || 'message', data: data.join('\n') }
    data = []
    handlers.onMessage(message)
  }

  const line = (text: string) => {
    if (text === '') return dispatch()
    if (text.startsWith(':')) return
    const colon = text.indexOf(':')
    const field = colon === -1 ? text : text.slice(0, colon)
    let value = colon === -1 ? '' : text.slice(colon + 1)
    if (value.startsWith(' ')) value = value.slice(1)
    if (field === 'data') data.push(value)
    else if (field === 'event') eventType = value
    else if (field === 'id' && !value.includes('\0')) idBuffer = value
    else if (field === 'retry' && /^\d+$/.test(value)) handlers.onRetry?.(Number(value))
  }

  return {
    push(chunk) {
      let text = chunk
      if (atStart && text.length > 0) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
        atStart = false
      }
      if (skipLf && text.startsWith('\n')) text = text.slice(1)
      skipLf = false
      buffer += text
      let start = 0
      for (let i = 0; i < buffer.length; i++) {
        const c = buffer[i]
        if (c !== '\n' && c !== '\r') continue
        line(buffer.slice(start, i))
        if (c === '\r') {
          if (i + 1 === buffer.length) skipLf = true
          else if (buffer[i + 1] === '\n') i++
        }
        start = i + 1
      }
      buffer = buffer.slice(start)
    },
    reset() {
      buffer = ''
      atStart = true
      skipLf = false
      data = []
      eventType = ''
      idBuffer = lastEventId
    },
    get lastEventId() {
      return lastEventId
    },
  }
}
