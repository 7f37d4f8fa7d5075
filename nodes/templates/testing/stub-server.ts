import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { HttpClient } from '../../../runtime/node-type.ts'

/**
 * Test helper (Node only, never imported by shipped code): an HTTP server on 127.0.0.1 that answers
 * scripted replies in order and records every request, plus an `HttpClient` that sends REAL requests
 * to it with fetch, rewriting the vendor origin (`https://api.vendor.com`) to the stub and passing the
 * original host in `x-stub-host` so tests can assert it.
 */

/** A request as the stub received it. */
export interface RecordedRequest {
  method: string
  /** The vendor host the node addressed (`www.virustotal.com`, `thehive.corp:9000`). */
  host: string
  /** The raw path as sent on the wire, percent-encoding included. */
  path: string
  query: Record<string, string | string[]>
  /** Lower-cased header names. */
  headers: Record<string, string>
  body: string
}

/** A scripted reply: a JSON value (serialized) or a raw string body. */
export interface StubReply {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

/** A running stub. */
export interface Stub {
  http: HttpClient
  requests: RecordedRequest[]
  /** Sets the replies for the next requests (in order) and clears the recorded requests. */
  script(replies: StubReply[]): void
  close(): Promise<void>
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function queryOf(search: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  for (const k of new Set(search.keys())) {
    const all = search.getAll(k)
    out[k] = all.length === 1 ? all[0]! : all
  }
  return out
}

/**
 * Starts a stub on an ephemeral port of 127.0.0.1.
 * @example const stub = await startStub(); stub.script([{ status: 200, body: { ok: true } }])
 */
export async function startStub(): Promise<Stub> {
  let replies: StubReply[] = []
  const requests: RecordedRequest[] = []
  const server = createServer(async (req, res) => {
    const body = await readBody(req)
    const raw = req.url ?? '/'
    const q = raw.indexOf('?')
    const headers: Record<string, string> = {}
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v
    requests.push({
      method: req.method ?? '',
      host: headers['x-stub-host'] ?? '',
      path: q < 0 ? raw : raw.slice(0, q),
      query: queryOf(new URLSearchParams(q < 0 ? '' : raw.slice(q + 1))),
      headers,
      body,
    })
    const reply = replies.shift() ?? { status: 599, body: { stub: 'no scripted reply left' } }
    const text =
      typeof reply.body === 'string' ? reply.body : reply.body === undefined ? '' : JSON.stringify(reply.body)
    res.writeHead(reply.status, {
      ...(typeof reply.body === 'string' || reply.body === undefined
        ? {}
        : { 'content-type': 'application/json' }),
      ...reply.headers,
    })
    res.end(text)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port

  const http: HttpClient = {
    async request({ method, url, headers, body, signal }) {
      const target = new URL(url)
      const res = await fetch(`http://127.0.0.1:${port}${target.pathname}${target.search}`, {
        method,
        headers: { ...headers, 'x-stub-host': target.host },
        body,
        signal,
      })
      return { status: res.status, headers: Object.fromEntries(res.headers), body: await res.text() }
    },
  }
  return {
    http,
    requests,
    script(next) {
      replies = [...next]
      requests.length = 0
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
