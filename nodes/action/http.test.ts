import { afterEach, describe, expect, it, vi } from 'vitest'
import type { HttpClient } from '../../runtime/node-type.ts'
import { asResult, TEST_NOW, testContext } from '../test-context.ts'
import { actionHttp } from './http.ts'

type Req = Parameters<HttpClient['request']>[0]
type Res = Awaited<ReturnType<HttpClient['request']>>

/** A fake client answering from a list, recording what it was asked. */
function fakeHttp(...answers: Res[]): HttpClient & { seen: Req[] } {
  const seen: Req[] = []
  return {
    seen,
    async request(req) {
      seen.push(req)
      const next = answers.shift()
      if (!next) throw new Error('no more answers')
      return next
    },
  }
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Res => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
})

const run = (params: Record<string, unknown>, ctx = testContext()) =>
  Promise.resolve(actionHttp.run({ params: actionHttp.params.parse(params), input: {}, ctx }))

afterEach(() => {
  vi.useRealTimers()
})

describe('action.http', () => {
  it('sends the request and parses a JSON answer', async () => {
    const http = fakeHttp(json(200, { verdict: 'malicious' }))
    const result = asResult(
      await run(
        {
          method: 'POST',
          url: 'https://api.example.com/v1/check?x=1',
          query: { ip: '1.2.3.4', full: true },
          body: { note: 'hi' },
          headers: { accept: 'application/json' },
        },
        testContext({ http }),
      ),
    )
    expect(result.output).toEqual({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: { verdict: 'malicious' },
    })
    expect(http.seen[0]).toMatchObject({
      method: 'POST',
      url: 'https://api.example.com/v1/check?x=1&ip=1.2.3.4&full=true',
      body: '{"note":"hi"}',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      timeoutMs: 30_000,
    })
  })

  it('encodes form and text bodies', async () => {
    const http = fakeHttp({ status: 200, headers: {}, body: 'ok' }, { status: 200, headers: {}, body: 'ok' })
    const ctx = testContext({ http })
    const form = asResult(
      await run({ method: 'POST', url: 'https://x.test/', bodyType: 'form', body: { a: 'b c', n: 2 } }, ctx),
    )
    expect(form.output).toMatchObject({ body: 'ok' })
    expect(http.seen[0]).toMatchObject({
      body: 'a=b+c&n=2',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    await run({ method: 'PUT', url: 'https://x.test/', bodyType: 'text', body: 'plain' }, ctx)
    expect(http.seen[1]).toMatchObject({
      body: 'plain',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    })
  })

  it.each([
    [{}, { authorization: 'Bearer tok-123' }, ''],
    [{ kind: 'header', name: 'x-apikey' }, { 'x-apikey': 'tok-123' }, ''],
    [{ kind: 'query', name: 'key' }, {}, '?key=tok-123'],
  ])('applies the credential (%j)', async (authSpec, headers, query) => {
    const http = fakeHttp(json(200, {}))
    const params = {
      url: 'https://x.test/a',
      credential: 'vt',
      ...(Object.keys(authSpec).length ? { auth: authSpec } : {}),
    }
    await run(params, testContext({ http, secretValues: { vt: 'tok-123' } }))
    expect(http.seen[0]?.headers).toMatchObject(headers)
    expect(http.seen[0]?.url).toBe(`https://x.test/a${query}`)
  })

  it('sends basic auth from a "user:password" credential and scrubs it from echoes', async () => {
    const http = fakeHttp(json(200, { echoed: 'Basic YWxpY2U6cHc5OTk=' }))
    const result = asResult(
      await run(
        { url: 'https://x.test/', credential: 'c', auth: { kind: 'basic' } },
        testContext({ http, secretValues: { c: 'alice:pw999' } }),
      ),
    )
    expect(http.seen[0]?.headers?.authorization).toBe('Basic YWxpY2U6cHc5OTk=')
    expect(result.output).toMatchObject({ body: { echoed: 'Basic [REDACTED]' } })
  })

  it('fails with CREDENTIAL_NOT_FOUND and HTTP_UNAVAILABLE', async () => {
    await expect(
      run({ url: 'https://x.test/', credential: 'missing' }, testContext({ http: fakeHttp() })),
    ).rejects.toMatchObject({
      code: 'CREDENTIAL_NOT_FOUND',
      retryable: false,
    })
    await expect(run({ url: 'https://x.test/' })).rejects.toMatchObject({ code: 'HTTP_UNAVAILABLE' })
  })

  it('fails with HTTP_STATUS and a short preview when the status is not expected', async () => {
    const http = fakeHttp({ status: 404, headers: {}, body: 'x'.repeat(500) })
    const err = await run({ url: 'https://x.test/' }, testContext({ http })).catch((e) => e)
    expect(err).toMatchObject({ code: 'HTTP_STATUS', retryable: false, details: { status: 404 } })
    expect(err.message.length).toBeLessThan(260)
    const ok = fakeHttp({ status: 404, headers: {}, body: 'gone' })
    const result = asResult(
      await run({ url: 'https://x.test/', expectStatus: ['2xx', 404] }, testContext({ http: ok })),
    )
    expect(result.output).toMatchObject({ status: 404, body: 'gone' })
  })

  it('retries 429 honouring Retry-After in seconds and as an HTTP date', async () => {
    vi.useFakeTimers()
    const date = new Date(TEST_NOW + 5_000).toUTCString()
    const http = fakeHttp(
      { status: 429, headers: { 'retry-after': '2' }, body: '' },
      { status: 503, headers: { 'Retry-After': date }, body: '' },
      json(200, { done: true }),
    )
    const pending = run({ method: 'POST', url: 'https://x.test/' }, testContext({ http }))
    await vi.advanceTimersByTimeAsync(1_999)
    expect(http.seen.length).toBe(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(http.seen.length).toBe(2)
    await vi.advanceTimersByTimeAsync(5_000)
    expect(asResult(await pending).output).toMatchObject({ body: { done: true } })
    expect(http.seen.length).toBe(3)
  })

  it('caps the wait at 60 s, stops after `retries`, and fails retryable on 5xx', async () => {
    vi.useFakeTimers()
    const http = fakeHttp(
      { status: 502, headers: { 'retry-after': '3600' }, body: 'bad gateway' },
      { status: 502, headers: {}, body: 'bad gateway' },
    )
    const pending = run({ url: 'https://x.test/', retries: 1 }, testContext({ http })).catch((e) => e)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(await pending).toMatchObject({ code: 'HTTP_STATUS', retryable: true, details: { status: 502 } })
    expect(http.seen.length).toBe(2)
  })

  it('does not retry a POST on 500 (it may have been processed)', async () => {
    const http = fakeHttp({ status: 500, headers: {}, body: 'oops' })
    await expect(
      run({ method: 'POST', url: 'https://x.test/' }, testContext({ http })),
    ).rejects.toMatchObject({
      code: 'HTTP_STATUS',
    })
    expect(http.seen.length).toBe(1)
  })

  it('stops waiting to retry when the run is cancelled', async () => {
    const controller = new AbortController()
    const http = fakeHttp({ status: 429, headers: { 'retry-after': '30' }, body: '' })
    const pending = run({ url: 'https://x.test/' }, testContext({ http, signal: controller.signal }))
    setTimeout(() => controller.abort(), 10)
    await expect(pending).rejects.toMatchObject({ code: 'CANCELLED', retryable: false })
  })

  it('declares side effects and a sample for simulate mode', () => {
    expect(actionHttp.sideEffects).toBe(true)
    expect(actionHttp.output?.parse(actionHttp.sample)).toEqual(actionHttp.sample)
    expect(
      actionHttp.params.safeParse({ url: 'https://x.test/', headers: { 'bad name': 'x' } }).success,
    ).toBe(false)
  })
})
