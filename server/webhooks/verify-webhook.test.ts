import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { onError } from '../app/errors.ts'
import { signBody } from './signature.ts'
import { type VerifyWebhookOptions, verifyWebhook, type WebhookEnv } from './verify-webhook.ts'

function buildApp(extra: Partial<VerifyWebhookOptions> = {}) {
  const secrets: Record<string, string> = { pb1: 'hook-secret' }
  const app = new Hono<WebhookEnv>()
  app.onError(onError)
  app.post(
    '/hooks/:playbookId',
    verifyWebhook({ secret: (c) => secrets[c.req.param('playbookId') ?? ''], maxBytes: 1024, ...extra }),
    (c) => c.json(c.get('webhook'), 202),
  )
  return app
}

const post = (app: Hono<WebhookEnv>, path: string, body: BodyInit, headers: Record<string, string> = {}) =>
  app.request(path, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } })

describe('verifyWebhook', () => {
  const app = buildApp()

  it('accepts a body signed with the secret', async () => {
    const body = '{"rule":"r1"}'
    const res = await post(app, '/hooks/pb1', body, { 'x-bulwark-signature': signBody('hook-secret', body) })
    expect(res.status).toBe(202)
    expect(await res.json()).toEqual({ events: [{ rule: 'r1' }], via: 'signature' })
  })

  it('accepts the bearer secret and NDJSON', async () => {
    const res = await post(app, '/hooks/pb1', '{"n":1}\n{"n":2}\n', {
      authorization: 'Bearer hook-secret',
      'content-type': 'application/x-ndjson',
    })
    expect(await res.json()).toEqual({ events: [{ n: 1 }, { n: 2 }], via: 'bearer' })
  })

  it('answers 401 to a bad signature, a wrong secret and an unknown webhook alike', async () => {
    const body = '{}'
    for (const [path, headers] of [
      ['/hooks/pb1', { 'x-bulwark-signature': signBody('wrong', body) }],
      ['/hooks/pb1', { authorization: 'Bearer wrong' }],
      ['/hooks/pb1', {}],
      ['/hooks/nope', { 'x-bulwark-signature': signBody('hook-secret', body) }],
    ] as const) {
      const res = await post(app, path, body, headers)
      expect(res.status).toBe(401)
      expect((await res.json()).error.code).toBe('BAD_SIGNATURE')
    }
  })

  it('answers 413 to a body over the limit, declared or streamed', async () => {
    const big = `{"x":"${'a'.repeat(2000)}"}`
    const declared = await post(app, '/hooks/pb1', big, { authorization: 'Bearer hook-secret' })
    expect(declared.status).toBe(413)
    expect((await declared.json()).error.message).toContain('1024 bytes')
    const chunked = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 5; i++) controller.enqueue(new TextEncoder().encode('a'.repeat(400)))
        controller.close()
      },
    })
    const streamed = await app.request('/hooks/pb1', {
      method: 'POST',
      body: chunked,
      headers: { authorization: 'Bearer hook-secret' },
      duplex: 'half',
    } as RequestInit)
    expect(streamed.status).toBe(413)
  })

  it('answers 400 naming the bad NDJSON line', async () => {
    const res = await post(app, '/hooks/pb1', '{}\n{oops}\n', {
      authorization: 'Bearer hook-secret',
      'content-type': 'application/x-ndjson',
    })
    expect(res.status).toBe(400)
    expect((await res.json()).error.message).toMatch(/^line 2: /)
  })

  it('validates its options at once', () => {
    expect(() => verifyWebhook({ secret: '' })).toThrow(TypeError)
    expect(() => verifyWebhook({ secret: 'x', maxBytes: 0 })).toThrow(TypeError)
  })
})
