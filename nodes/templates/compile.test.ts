import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import type { HttpClient, NodeError } from '../../runtime/node-type.ts'
import { asResult, testContext } from '../test-context.ts'
import { compileTemplate } from './compile.ts'
import { FILTERS } from './filters.ts'
import { minimalTemplate } from './testing/minimal.ts'
import { parseTemplate } from './validate.ts'

type Req = Parameters<HttpClient['request']>[0]

/** A recording client for unit tests (the stub-server tests do real HTTP). */
function client(reply: { status: number; body?: string } | Error) {
  const calls: Req[] = []
  const http: HttpClient = {
    async request(req) {
      calls.push(req)
      if (reply instanceof Error) throw reply
      return { status: reply.status, headers: {}, body: reply.body ?? '' }
    },
  }
  return { http, calls }
}

const node = (patch: Record<string, unknown> = {}) =>
  compileTemplate(parseTemplate({ ...minimalTemplate(), ...patch }))
const SECRET = 'k-1234567890'

async function run(
  patch: Record<string, unknown>,
  reply: { status: number; body?: string } | Error,
  params = {},
) {
  const type = node(patch)
  const { http, calls } = client(reply)
  const ctx = testContext({ http, secretValues: { 'example-api-key': SECRET } })
  const result = await type.run({ params: type.params.parse({ thing: 'x', ...params }), input: {}, ctx })
  return { output: asResult(result).output, calls }
}

const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (err: unknown) => err as NodeError,
  )

describe('compileTemplate', () => {
  it('builds a node type: metadata, params with a credential name, a form schema', () => {
    const t = node()
    expect(t).toMatchObject({
      type: 'example.lookup',
      version: 1,
      category: 'enrichment',
      sideEffects: false,
    })
    expect(t.params.parse({ thing: 'x' })).toEqual({ thing: 'x', credential: 'example-api-key' })
    expect(t.params.safeParse({}).success).toBe(false)
    const schema = z.toJSONSchema(t.params, { unrepresentable: 'any', io: 'input' }) as { properties: object }
    expect(Object.keys(schema.properties)).toEqual(['thing', 'filter', 'credential'])
  })

  it('coerces numeric and boolean text from mixed templates', () => {
    const t = node({
      params: {
        n: { type: 'number', default: 90 },
        b: { type: 'boolean' },
        thing: { type: 'string' },
        filter: { type: 'string' },
      },
    })
    expect(t.params.parse({ n: '30', b: 'true' })).toMatchObject({ n: 30, b: true })
    expect(t.params.safeParse({ n: 'thirty' }).success).toBe(false)
  })

  it('sends the credential from ctx.secrets, never into output or logs', async () => {
    const { output, calls } = await run({}, { status: 200, body: '{"name":"thing x"}' })
    expect(output).toEqual({ name: 'thing x', thing: 'x' })
    expect(calls[0]).toMatchObject({
      method: 'GET',
      url: 'https://api.example.com/v1/things/x',
      headers: { 'X-Api-Key': SECRET, Accept: 'application/json' },
    })
  })

  it('uses the credential named by the params', async () => {
    const type = node()
    const ctx = testContext({ http: client({ status: 200 }).http, secretValues: { other: SECRET } })
    const err = await errorOf(
      Promise.resolve(type.run({ params: type.params.parse({ thing: 'x' }), input: {}, ctx })),
    )
    expect(err).toMatchObject({ code: 'CREDENTIAL_MISSING', retryable: false })
    const ok = await type.run({
      params: type.params.parse({ thing: 'x', credential: 'other' }),
      input: {},
      ctx,
    })
    expect(asResult(ok).port).toBe('out')
  })

  it('query auth: the key is redacted from transport errors', async () => {
    const patch = { credential: { type: 'example-api-key', auth: { type: 'query', name: 'apikey' } } }
    const { calls } = await run(patch, { status: 200, body: '{}' })
    expect(new URL(calls[0]!.url).searchParams.get('apikey')).toBe(SECRET)
    const err = await errorOf(
      run(patch, new Error(`connect ECONNREFUSED https://api.example.com/?apikey=${SECRET}`)),
    )
    expect(err).toMatchObject({ code: 'HTTP_FAILED', retryable: true })
    expect(err?.message).not.toContain(SECRET)
    expect(err?.message).toContain('[redacted]')
  })

  it.each([
    [400, 'BAD_REQUEST', false],
    [401, 'AUTH_FAILED', false],
    [404, 'NOT_FOUND', false],
    [429, 'RATE_LIMITED', true],
    [500, 'UPSTREAM_ERROR', true],
    [503, 'UPSTREAM_ERROR', true],
  ])('maps HTTP %i to %s (retryable %s) by default', async (status, code, retryable) => {
    const err = await errorOf(run({}, { status, body: `{"error":"nope ${SECRET}"}` }))
    expect(err).toMatchObject({ code, retryable, details: { status } })
    expect(err?.message).not.toContain(SECRET)
  })

  it('applies the template status mapping (exact before class) and its success outputs', async () => {
    const errors = {
      '404': { code: 'NOT_FOUND', output: { found: false, thing: '{{ params.thing }}' } },
      '5xx': { code: 'VENDOR_DOWN', message: 'vendor says {{ response.body.error }}', retryable: false },
    }
    expect((await run({ errors }, { status: 404 })).output).toEqual({ found: false, thing: 'x' })
    const err = await errorOf(run({ errors }, { status: 502, body: '{"error":"maintenance"}' }))
    expect(err).toMatchObject({
      code: 'VENDOR_DOWN',
      retryable: false,
      message: 'Example lookup: vendor says maintenance',
    })
  })

  it('fails without an HTTP client', async () => {
    const type = node()
    const ctx = testContext({ secretValues: { 'example-api-key': SECRET } })
    const err = await errorOf(
      Promise.resolve(type.run({ params: type.params.parse({ thing: 'x' }), input: {}, ctx })),
    )
    expect(err).toMatchObject({ code: 'HTTP_UNAVAILABLE' })
  })
})

describe('filters', () => {
  it('are pure and few', () => {
    expect(Object.keys(FILTERS).sort()).toEqual([
      'base64',
      'base64url',
      'exists',
      'json',
      'lower',
      'not',
      'trim',
      'upper',
    ])
    expect(FILTERS.base64url!('http://a.b/?x=ü~')).toBe(Buffer.from('http://a.b/?x=ü~').toString('base64url'))
    expect(FILTERS.base64!('ü')).toBe('w7w=')
    expect([FILTERS.exists!(null), FILTERS.exists!(0), FILTERS.not!(undefined), FILTERS.not!('x')]).toEqual([
      false,
      true,
      true,
      false,
    ])
    expect(FILTERS.json!({ a: 1 })).toBe('{"a":1}')
  })
})
