import { describe, expect, it } from 'vitest'
import { eventText, MAX_EVENT_BYTES, parseSampleEvent } from './sample-event.ts'

describe('reading a pasted trigger event', () => {
  it('accepts any JSON value and shows it back as indented text', () => {
    expect(parseSampleEvent(' {"alert": {"id": 7}} ')).toEqual({ ok: true, event: { alert: { id: 7 } } })
    expect(parseSampleEvent('[1, "two"]')).toEqual({ ok: true, event: [1, 'two'] })
    expect(eventText({ a: 1 })).toBe('{\n  "a": 1\n}')
  })

  it('says where malformed JSON goes wrong', () => {
    const parsed = parseSampleEvent('{\n  "user": "ann",\n  "host": }')
    expect(parsed).toEqual({
      ok: false,
      message: expect.stringMatching(/^Not valid JSON \(line 3, column 11: /),
    })
  })

  it('asks for an event when the box is empty, and refuses one over the server limit', () => {
    expect(parseSampleEvent('   ')).toMatchObject({ ok: false, message: expect.stringContaining('Paste') })
    const big = JSON.stringify({ blob: 'x'.repeat(MAX_EVENT_BYTES) })
    expect(parseSampleEvent(big)).toMatchObject({ ok: false, message: 'The event is larger than 1 MB.' })
  })
})
