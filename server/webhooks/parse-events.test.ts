import { describe, expect, it } from 'vitest'
import { HttpError } from '../app/errors.ts'
import { parseWebhookEvents } from './parse-events.ts'

function failure(fn: () => unknown): HttpError {
  try {
    fn()
  } catch (err) {
    if (err instanceof HttpError) return err
    throw err
  }
  throw new Error('expected an HttpError')
}

describe('parseWebhookEvents', () => {
  it('reads a JSON body as one event (also without a content type)', () => {
    expect(parseWebhookEvents('{"a":1}', 'application/json; charset=utf-8')).toEqual([{ a: 1 }])
    expect(parseWebhookEvents('[1,2]', undefined)).toEqual([[1, 2]])
    expect(parseWebhookEvents('{"a":1}', 'application/vnd.splunk+json')).toEqual([{ a: 1 }])
  })

  it('reads NDJSON as one event per non-empty line', () => {
    expect(parseWebhookEvents('{"a":1}\r\n\n{"a":2}\n', 'application/x-ndjson')).toEqual([{ a: 1 }, { a: 2 }])
  })

  it('names the bad line', () => {
    const err = failure(() => parseWebhookEvents('{"a":1}\n\n{"a":\n', 'application/x-ndjson'))
    expect(err.status).toBe(400)
    expect(err.code).toBe('INVALID_JSON')
    expect(err.message).toMatch(/^line 3: /)
  })

  it('caps the number of events', () => {
    const body = '{}\n'.repeat(4)
    expect(parseWebhookEvents(body, 'application/x-ndjson', { maxEvents: 4 })).toHaveLength(4)
    const err = failure(() => parseWebhookEvents(`${body}{}`, 'application/x-ndjson', { maxEvents: 4 }))
    expect([err.status, err.code]).toEqual([413, 'TOO_MANY_EVENTS'])
  })

  it('refuses deep nesting before parsing, ignoring brackets inside strings', () => {
    expect(failure(() => parseWebhookEvents('['.repeat(70) + ']'.repeat(70), 'application/json')).code).toBe(
      'TOO_DEEP',
    )
    expect(
      parseWebhookEvents(JSON.stringify({ s: '[[[[[[\\"' }), 'application/json', { maxDepth: 1 }),
    ).toEqual([{ s: '[[[[[[\\"' }])
  })

  it('refuses empty bodies and other content types', () => {
    expect(failure(() => parseWebhookEvents('  ', 'application/json')).code).toBe('EMPTY_BODY')
    expect(failure(() => parseWebhookEvents('\n\n', 'application/x-ndjson')).code).toBe('EMPTY_BODY')
    expect(failure(() => parseWebhookEvents('a=1', 'application/x-www-form-urlencoded')).status).toBe(415)
  })
})
