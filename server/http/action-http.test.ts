import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { actionHttp } from '../../nodes/action/http.ts'
import { asResult, testContext } from '../../nodes/test-context.ts'
import { createHttpClient } from './client.ts'
import { startStub } from './test-server.ts'

/** `action.http` end to end: the node with the production client against a real 127.0.0.1 server. */

type Stub = Awaited<ReturnType<typeof startStub>>
let stub: Stub
let flaky = 0

beforeAll(async () => {
  stub = await startStub((req, res) => {
    const path = new URL(req.url, 'http://x').pathname
    if (path === '/flaky' && flaky++ === 0) {
      res.statusCode = 429
      res.setHeader('retry-after', '0')
      return res.end('slow down')
    }
    res.setHeader('content-type', 'application/json; charset=utf-8')
    res.end(JSON.stringify({ path, auth: req.headers.authorization ?? null, body: req.body }))
  })
})

afterAll(async () => {
  await stub.close()
})

const run = (params: Record<string, unknown>, http = createHttpClient({ allowCidrs: ['127.0.0.1/32'] })) =>
  Promise.resolve(
    actionHttp.run({
      params: actionHttp.params.parse(params),
      input: {},
      ctx: testContext({ http, secretValues: { api: 'tok-abc' } }),
    }),
  )

describe('action.http with the production client', () => {
  it('calls an allowlisted 127.0.0.1 server with auth and a JSON body', async () => {
    const result = asResult(
      await run({ method: 'POST', url: `${stub.url}/items`, credential: 'api', body: { id: 7 } }),
    )
    expect(result.output).toMatchObject({
      status: 200,
      body: { path: '/items', auth: 'Bearer [REDACTED]', body: '{"id":7}' },
    })
    expect(stub.seen.at(-1)?.headers.authorization).toBe('Bearer tok-abc')
  })

  it('retries a 429 with Retry-After: 0', async () => {
    const result = asResult(await run({ url: `${stub.url}/flaky` }))
    expect(result.output).toMatchObject({ status: 200, body: { path: '/flaky' } })
  })

  it('is refused by the default client with HTTP_ADDRESS_BLOCKED', async () => {
    const before = stub.seen.length
    await expect(run({ url: `${stub.url}/items` }, createHttpClient())).rejects.toMatchObject({
      code: 'HTTP_ADDRESS_BLOCKED',
      retryable: false,
    })
    expect(stub.seen.length).toBe(before)
  })
})
