import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHttpClient } from './client.ts'
import { type SeenRequest, startStub } from './test-server.ts'

type Stub = Awaited<ReturnType<typeof startStub>>
let stub: Stub
let base: string

const LOCAL = { allowCidrs: ['127.0.0.1/32'] }

beforeAll(async () => {
  stub = await startStub((req: SeenRequest, res) => {
    const path = new URL(req.url, 'http://x').pathname
    if (path === '/json') {
      res.setHeader('content-type', 'application/json')
      return res.end(JSON.stringify({ ok: true, method: req.method, body: req.body }))
    }
    if (path === '/big') return res.end('x'.repeat(10_000))
    if (path === '/stream-big') {
      res.write('x'.repeat(6_000))
      return setTimeout(() => res.end('y'.repeat(6_000)), 10)
    }
    if (path === '/slow') return setTimeout(() => res.end('late'), 2_000)
    if (path === '/to-metadata') {
      res.statusCode = 302
      res.setHeader('location', 'http://169.254.169.254/latest/meta-data/')
      return res.end()
    }
    if (path === '/to-loopback') {
      res.statusCode = 302
      res.setHeader('location', `http://127.0.0.1:${stub.port}/json`)
      return res.end()
    }
    const hops = path.match(/^\/hop\/(\d+)$/)
    if (hops) {
      const n = Number(hops[1])
      res.statusCode = n > 0 ? 307 : 200
      if (n > 0) res.setHeader('location', `/hop/${n - 1}`)
      return res.end(n > 0 ? '' : 'arrived')
    }
    if (path === '/see-other') {
      res.statusCode = 303
      res.setHeader('location', '/json')
      return res.end()
    }
    res.statusCode = 404
    res.end('not found')
  })
  base = stub.url
})

afterAll(async () => {
  await stub.close()
})

describe('createHttpClient: address rules', () => {
  it('refuses 127.0.0.1, localhost and numeric forms of loopback by default', async () => {
    const http = createHttpClient()
    for (const url of [
      `${base}/json`,
      `http://localhost:${stub.port}/json`,
      `http://2130706433:${stub.port}/`,
      `http://0x7f.1:${stub.port}/`,
      `http://[::ffff:127.0.0.1]:${stub.port}/`,
      `http://[::1]:${stub.port}/`,
    ]) {
      await expect(http.request({ method: 'GET', url })).rejects.toMatchObject({
        code: 'HTTP_ADDRESS_BLOCKED',
        retryable: false,
      })
    }
    expect(stub.seen.length).toBe(0)
  })

  it('names the host and the reason in the error', async () => {
    const http = createHttpClient()
    await expect(http.request({ method: 'GET', url: 'http://10.1.2.3/' })).rejects.toThrow(
      /10\.1\.2\.3: private address/,
    )
    await expect(http.request({ method: 'GET', url: 'http://169.254.169.254/latest/' })).rejects.toThrow(
      /cloud metadata address/,
    )
    await expect(
      http.request({ method: 'GET', url: 'http://metadata.google.internal/computeMetadata/v1/' }),
    ).rejects.toMatchObject({ code: 'HTTP_ADDRESS_BLOCKED' })
  })

  it('checks the resolved address and connects to that same address', async () => {
    const resolvesLocal = async () => [{ address: '127.0.0.1', family: 4 as const }]
    await expect(
      createHttpClient({ lookup: resolvesLocal }).request({
        method: 'GET',
        url: `http://innocent.example:${stub.port}/json`,
      }),
    ).rejects.toThrow(/innocent\.example: resolves to 127\.0\.0\.1, a loopback address/)
    const mixed = async () => [
      { address: '93.184.216.34', family: 4 as const },
      { address: '10.0.0.1', family: 4 as const },
    ]
    await expect(
      createHttpClient({ lookup: mixed }).request({ method: 'GET', url: 'http://mixed.example/' }),
    ).rejects.toMatchObject({ code: 'HTTP_ADDRESS_BLOCKED' })
    const res = await createHttpClient({ ...LOCAL, lookup: resolvesLocal }).request({
      method: 'GET',
      url: `http://innocent.example:${stub.port}/json`,
    })
    expect(res.status).toBe(200)
  })

  it('works against 127.0.0.1 when the operator allows it', async () => {
    const res = await createHttpClient(LOCAL).request({
      method: 'POST',
      url: `${base}/json`,
      headers: { 'content-type': 'text/plain' },
      body: 'hello',
    })
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe('application/json')
    expect(JSON.parse(res.body)).toEqual({ ok: true, method: 'POST', body: 'hello' })
  })

  it('denyCidrs win over allowCidrs; allowPrivate does not open loopback', async () => {
    const http = createHttpClient({ ...LOCAL, denyCidrs: ['127.0.0.0/8'] })
    await expect(http.request({ method: 'GET', url: `${base}/json` })).rejects.toThrow(/denied range/)
    await expect(
      createHttpClient({ allowPrivate: true }).request({ method: 'GET', url: `${base}/json` }),
    ).rejects.toMatchObject({ code: 'HTTP_ADDRESS_BLOCKED' })
  })

  it('only speaks http and https', async () => {
    await expect(
      createHttpClient(LOCAL).request({ method: 'GET', url: 'file:///etc/passwd' }),
    ).rejects.toMatchObject({ code: 'HTTP_UNSUPPORTED_SCHEME' })
  })
})

describe('createHttpClient: redirects', () => {
  it('re-checks every hop: a redirect to 169.254.169.254 is refused', async () => {
    const http = createHttpClient(LOCAL)
    await expect(http.request({ method: 'GET', url: `${base}/to-metadata` })).rejects.toMatchObject({
      code: 'HTTP_ADDRESS_BLOCKED',
    })
  })

  it('a redirect from an allowed host to 127.0.0.1 is refused', async () => {
    const front = await startStub((_req, res) => {
      res.statusCode = 302
      res.setHeader('location', `${base}/json`)
      res.end()
    }, '127.0.0.2')
    try {
      const before = stub.seen.length
      const http = createHttpClient({ allowCidrs: ['127.0.0.2/32'] })
      await expect(http.request({ method: 'GET', url: `${front.url}/` })).rejects.toThrow(
        /127\.0\.0\.1: loopback address/,
      )
      expect(front.seen.length).toBe(1)
      expect(stub.seen.length).toBe(before)
    } finally {
      await front.close()
    }
  })

  it('drops credentials when a redirect leaves the origin', async () => {
    const front = await startStub((_req, res) => {
      res.statusCode = 307
      res.setHeader('location', `${base}/json`)
      res.end()
    }, '127.0.0.2')
    try {
      const http = createHttpClient({ allowCidrs: ['127.0.0.0/30'] })
      await http.request({
        method: 'GET',
        url: `${front.url}/`,
        headers: { authorization: 'Bearer s3cret', 'x-api-key': 'k', accept: 'application/json' },
      })
      expect(front.seen[0]?.headers.authorization).toBe('Bearer s3cret')
      const last = stub.seen.at(-1)!
      expect(last.headers.authorization).toBeUndefined()
      expect(last.headers['x-api-key']).toBeUndefined()
      expect(last.headers.accept).toBe('application/json')
    } finally {
      await front.close()
    }
  })

  it('follows up to maxRedirects, then fails with HTTP_TOO_MANY_REDIRECTS', async () => {
    const http = createHttpClient({ ...LOCAL, maxRedirects: 2 })
    expect((await http.request({ method: 'GET', url: `${base}/hop/2` })).body).toBe('arrived')
    await expect(http.request({ method: 'GET', url: `${base}/hop/3` })).rejects.toMatchObject({
      code: 'HTTP_TOO_MANY_REDIRECTS',
      retryable: false,
    })
  })

  it('turns a POST into a GET after 303', async () => {
    const res = await createHttpClient(LOCAL).request({ method: 'POST', url: `${base}/see-other`, body: 'x' })
    expect(JSON.parse(res.body)).toMatchObject({ method: 'GET', body: '' })
  })
})

describe('createHttpClient: limits', () => {
  it('aborts a response past the size cap with HTTP_RESPONSE_TOO_LARGE', async () => {
    const http = createHttpClient({ ...LOCAL, maxResponseBytes: 5_000 })
    await expect(http.request({ method: 'GET', url: `${base}/big` })).rejects.toMatchObject({
      code: 'HTTP_RESPONSE_TOO_LARGE',
    })
    await expect(
      createHttpClient({ ...LOCAL, maxResponseBytes: 10_000 }).request({
        method: 'GET',
        url: `${base}/stream-big`,
      }),
    ).rejects.toMatchObject({ code: 'HTTP_RESPONSE_TOO_LARGE' })
    expect((await http.request({ method: 'GET', url: `${base}/json` })).status).toBe(200)
  })

  it('times out with HTTP_TIMEOUT', async () => {
    const started = Date.now()
    await expect(
      createHttpClient(LOCAL).request({ method: 'GET', url: `${base}/slow`, timeoutMs: 100 }),
    ).rejects.toMatchObject({ code: 'HTTP_TIMEOUT', message: expect.stringContaining('127.0.0.1') })
    expect(Date.now() - started).toBeLessThan(1_500)
  })

  it('stops when the signal aborts', async () => {
    const controller = new AbortController()
    const pending = createHttpClient(LOCAL).request({
      method: 'GET',
      url: `${base}/slow`,
      signal: controller.signal,
    })
    setTimeout(() => controller.abort(), 50)
    await expect(pending).rejects.toMatchObject({ code: 'CANCELLED', retryable: false })
  })

  it('never echoes headers or the query in errors', async () => {
    const err = await createHttpClient({ ...LOCAL, maxResponseBytes: 10 })
      .request({
        method: 'GET',
        url: `${base}/big?api_key=TOPSECRET`,
        headers: { authorization: 'Bearer TOPSECRET' },
      })
      .catch((e: Error) => e)
    expect(String((err as Error).message)).not.toContain('TOPSECRET')
    expect(JSON.stringify(err)).not.toContain('TOPSECRET')
  })
})
