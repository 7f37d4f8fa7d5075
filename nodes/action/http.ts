import { z } from 'zod'
import { defineNode, NodeError } from '../../runtime/node-type.ts'
import { abortableSleep } from '../lib/abortable-sleep.ts'
import { buildRequest, header, parseBody, scrub, statusMatches } from './http-request.ts'
import { retryDelayMs } from './retry-after.ts'

const headerName = z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/, 'not a valid header name')

const auth = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bearer') }),
  z.object({ kind: z.literal('basic') }),
  z.object({ kind: z.literal('header'), name: headerName, prefix: z.string().max(50).optional() }),
  z.object({ kind: z.literal('query'), name: z.string().min(1).max(100) }),
])

const status = z.union([
  z.number().int().min(100).max(599),
  z.string().regex(/^[1-5]xx$/, 'a status (404) or a class such as 2xx'),
])

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const
/** Statuses retried for every method: the server says it did not process the request. */
const RETRY_ANY = new Set([429, 503])
/** Methods whose 5xx answers are retried too: repeating them does no harm. */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'])

/**
 * `action.http`: any HTTP request through the host's guarded client (`ctx.http`), which refuses
 * internal addresses unless the operator allows them. Auth comes from a named credential (bearer,
 * basic `user:password`, a custom header or a query parameter). Retries 429 and 503 (and other 5xx
 * for idempotent methods) up to `retries` times, honouring `Retry-After` (at most 60 s a wait). A
 * status outside `expectStatus` fails with `HTTP_STATUS`. Output: `{ status, headers, body }`, the
 * body parsed as JSON when the content type says so.
 */
export const actionHttp = defineNode({
  type: 'action.http',
  version: 1,
  category: 'action',
  title: 'HTTP request',
  description: 'Calls any HTTP API, with auth from a credential, retries and a status check.',
  icon: 'globe',
  sideEffects: true,
  params: z.object({
    method: z.enum(METHODS).default('GET'),
    url: z.string().min(1).max(8_192).describe('Absolute http(s) URL, e.g. https://api.example.com/v1/items'),
    headers: z.record(headerName, z.string().max(8_192)).default({}),
    query: z.record(z.string().min(1).max(200), z.union([z.string(), z.number(), z.boolean()])).default({}),
    bodyType: z.enum(['json', 'text', 'form']).default('json'),
    body: z.unknown().optional().describe('JSON value, text, or an object of form fields'),
    credential: z.string().min(1).max(200).optional().describe('Name of a stored credential'),
    auth: auth.optional().describe('How the credential is sent (default: bearer token)'),
    timeoutMs: z.number().int().min(100).max(300_000).default(30_000),
    retries: z.number().int().min(0).max(3).default(2).describe('Retries on 429/5xx (0 to 3)'),
    expectStatus: z.array(status).min(1).default(['2xx']),
    responseType: z.enum(['auto', 'json', 'text']).default('auto'),
  }),
  output: z.object({
    status: z.number(),
    headers: z.record(z.string(), z.string()),
    body: z.unknown(),
  }),
  sample: { status: 200, headers: { 'content-type': 'application/json' }, body: { ok: true } },
  async run({ params, ctx }) {
    const http = ctx.http
    if (!http) {
      throw new NodeError('HTTP_UNAVAILABLE', 'outbound HTTP is not available here', { retryable: false })
    }
    let secret: string | undefined
    if (params.credential) {
      secret = await ctx.secrets.get(params.credential)
      if (secret === undefined) {
        throw new NodeError('CREDENTIAL_NOT_FOUND', `no credential named "${params.credential}"`, {
          retryable: false,
        })
      }
    }
    const req = buildRequest(params, secret)
    const host = req.url.hostname
    for (let retry = 0; ; retry++) {
      const res = await http.request({
        method: params.method,
        url: req.url.href,
        headers: req.headers,
        ...(req.body === undefined ? {} : { body: req.body }),
        timeoutMs: params.timeoutMs,
        signal: ctx.signal,
      })
      const retryable = RETRY_ANY.has(res.status) || (res.status >= 500 && IDEMPOTENT.has(params.method))
      if (retryable && retry < params.retries) {
        const wait = retryDelayMs(header(res.headers, 'retry-after'), retry, ctx.now())
        ctx.log.log('warn', `${host} answered ${res.status}; retry ${retry + 1} in ${wait} ms`)
        await abortableSleep(wait, ctx.signal, 'the request (waiting to retry)')
        continue
      }
      const text = scrub(res.body, req.hidden)
      const headers = Object.fromEntries(
        Object.entries(res.headers).map(([k, v]) => [k, scrub(v, req.hidden)]),
      )
      if (!statusMatches(res.status, params.expectStatus)) {
        const preview = text.length > 200 ? `${text.slice(0, 200)}…` : text
        throw new NodeError('HTTP_STATUS', `${host} answered ${res.status}: ${preview}`, {
          retryable: res.status >= 500 || res.status === 429,
          details: { status: res.status, bodyPreview: preview },
        })
      }
      const body = parseBody(text, header(res.headers, 'content-type'), params.responseType)
      return { output: { status: res.status, headers, body } }
    }
  },
})
