import { HttpError } from '../app/errors.ts'

/** Options of `parseWebhookEvents`. */
export interface ParseEventsOptions {
  /** Events accepted in one request (NDJSON lines). Default 1000. */
  maxEvents?: number
  /** Deepest nesting accepted in an event, so no later walker overflows the stack. Default 64. */
  maxDepth?: number
}

const NDJSON_TYPES = new Set(['application/x-ndjson', 'application/ndjson', 'application/jsonl'])

/**
 * Turns a webhook body into events: JSON is one event; NDJSON (`application/x-ndjson`) is one event per
 * non-empty line. A bad line is a 400 naming its line number; too many events a 413; other content
 * types a 415. A missing content type is read as JSON.
 * @example parseWebhookEvents('{"a":1}\n{"a":2}\n', 'application/x-ndjson') // [{ a: 1 }, { a: 2 }]
 */
export function parseWebhookEvents(
  body: string,
  contentType: string | undefined,
  options: ParseEventsOptions = {},
): unknown[] {
  const maxEvents = options.maxEvents ?? 1000
  const maxDepth = options.maxDepth ?? 64
  const type = (contentType ?? 'application/json').split(';')[0]!.trim().toLowerCase()

  if (NDJSON_TYPES.has(type)) {
    const events: unknown[] = []
    const lines = body.split('\n')
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!.trim()
      if (line === '') continue
      if (events.length === maxEvents) {
        throw new HttpError(413, 'TOO_MANY_EVENTS', `more than ${maxEvents} events in one request`, {
          maxEvents,
        })
      }
      events.push(parseOne(line, maxDepth, `line ${i + 1}`))
    }
    if (events.length === 0) throw new HttpError(400, 'EMPTY_BODY', 'the body holds no event')
    return events
  }
  if (type === 'application/json' || type.endsWith('+json')) {
    if (body.trim() === '') throw new HttpError(400, 'EMPTY_BODY', 'the body holds no event')
    return [parseOne(body, maxDepth, 'body')]
  }
  throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'send application/json or application/x-ndjson')
}

function parseOne(text: string, maxDepth: number, where: string): unknown {
  if (nestingDepth(text) > maxDepth) {
    throw new HttpError(400, 'TOO_DEEP', `${where}: nested deeper than ${maxDepth} levels`, { where })
  }
  try {
    return JSON.parse(text)
  } catch (err) {
    const reason = err instanceof SyntaxError ? err.message.slice(0, 200) : 'invalid JSON'
    throw new HttpError(400, 'INVALID_JSON', `${where}: ${reason}`, { where })
  }
}

/** Deepest bracket nesting outside strings, read before parsing (cheap, and bounds what JSON.parse builds). */
function nestingDepth(text: string): number {
  let depth = 0
  let max = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    if (inString) {
      if (ch === 92)
        i++ // backslash: skip the escaped character
      else if (ch === 34) inString = false
    } else if (ch === 34) inString = true
    else if (ch === 91 || ch === 123) max = Math.max(max, ++depth)
    else if (ch === 93 || ch === 125) depth--
  }
  return max
}
