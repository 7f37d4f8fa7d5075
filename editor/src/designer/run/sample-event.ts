import { locateJsonError } from '../../../../runtime/format/json-error.ts'

/** The largest trigger event the server accepts (`MAX_EVENT_BYTES` of the runs route). */
export const MAX_EVENT_BYTES = 1024 * 1024

/** A pasted trigger event: the parsed value, or why it cannot be used. */
export type ParsedEvent = { ok: true; event: unknown } | { ok: false; message: string }

/**
 * Reads the trigger event typed or pasted into the run panel. Never throws: malformed JSON gives the
 * line and column of the first mistake.
 * @example parseSampleEvent('{"a": }') // { ok: false, message: 'line 1, column 7: unexpected "}"; expected a value' }
 */
export function parseSampleEvent(text: string): ParsedEvent {
  if (text.trim() === '') return { ok: false, message: 'Paste a JSON event, or pick a past run’s event.' }
  if (new TextEncoder().encode(text).length > MAX_EVENT_BYTES)
    return { ok: false, message: `The event is larger than ${MAX_EVENT_BYTES / 1024 / 1024} MB.` }
  try {
    return { ok: true, event: JSON.parse(text) }
  } catch (err) {
    const at = locateJsonError(text)
    const detail = at ? `line ${at.line}, column ${at.column}: ${at.message}` : String(err)
    return { ok: false, message: `Not valid JSON (${detail}).` }
  }
}

/** An event as the text shown for editing. */
export function eventText(event: unknown): string {
  return JSON.stringify(event ?? {}, null, 2)
}
