import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { openSse, type SseConnection, type SseMessage, type SseState } from './sse.ts'

type Handler = (req: IncomingMessage, res: ServerResponse, n: number) => void

const servers: ReturnType<typeof createServer>[] = []
const connections: SseConnection[] = []
afterEach(async () => {
  for (const c of connections.splice(0)) c.close()
  for (const s of servers.splice(0)) {
    s.closeAllConnections()
    await new Promise((resolve) => s.close(resolve))
  }
})

/** A real HTTP server on 127.0.0.1; `handler` gets each request and its 1-based number. */
async function serve(handler: Handler) {
  const seen: { lastEventId: string | undefined; closed: boolean; at: number }[] = []
  const server = createServer((req, res) => {
    const entry = {
      lastEventId: req.headers['last-event-id'] as string | undefined,
      closed: false,
      at: Date.now(),
    }
    seen.push(entry)
    res.on('close', () => {
      entry.closed = true
    })
    handler(req, res, seen.length)
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`, seen }
}

const streamHead = (res: ServerResponse) =>
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
const frame = (id: number, data: string, event = 'step') => `id: ${id}\nevent: ${event}\ndata: ${data}\n\n`

function open(url: string, extra: Partial<Parameters<typeof openSse>[1]> = {}) {
  const messages: SseMessage[] = []
  const states: { state: SseState; error?: string; retryInMs?: number }[] = []
  const conn = openSse(url, {
    onMessage: (m) => messages.push(m),
    onState: (state, info) => states.push({ state, ...info }),
    isTerminal: (m) => m.event === 'done',
    retryMs: 20,
    ...extra,
  })
  connections.push(conn)
  return { conn, messages, states }
}

async function until(check: () => boolean, ms = 5000) {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe('the SSE client against a real server', () => {
  it('resumes after a dropped connection with Last-Event-ID and stops at the terminal event', async () => {
    const all = [frame(0, 'a'), frame(1, 'b'), frame(2, 'c'), frame(3, 'end', 'done')]
    const { url, seen } = await serve((req, res, n) => {
      streamHead(res)
      if (n === 1) {
        // Two whole events in odd chunks, half of the third, then the connection drops.
        const text = `: comment\n${all[0]}${all[1]}${all[2]!.slice(0, 12)}`
        res.write(text.slice(0, 7))
        setTimeout(() => res.write(text.slice(7)), 20)
        setTimeout(() => res.destroy(), 60)
        return
      }
      const after = Number(req.headers['last-event-id'] ?? -1)
      res.write(all.slice(after + 1).join(''))
      // The server keeps the connection open: the client must close it itself after `done`.
    })
    const { conn, messages, states } = open(url)
    await until(() => conn.state === 'closed')
    expect(messages.map((m) => [m.id, m.data])).toEqual([
      ['0', 'a'],
      ['1', 'b'],
      ['2', 'c'],
      ['3', 'end'],
    ])
    expect(seen.map((s) => s.lastEventId)).toEqual([undefined, '1'])
    expect(states.map((s) => s.state)).toEqual([
      'connecting',
      'open',
      'reconnecting',
      'connecting',
      'open',
      'closed',
    ])
    await until(() => seen[1]!.closed)
    await new Promise((r) => setTimeout(r, 100))
    expect(seen).toHaveLength(2)
  })

  it('sends a given Last-Event-ID on the first connection', async () => {
    const { url, seen } = await serve((_req, res) => {
      streamHead(res)
      res.end(frame(10, 'x', 'done'))
    })
    const { conn, messages } = open(url, { lastEventId: '9' })
    await until(() => conn.state === 'closed')
    expect(seen[0]!.lastEventId).toBe('9')
    expect(messages.map((m) => m.id)).toEqual(['10'])
  })

  it('gives up on an answer that retrying cannot fix (404, not an event stream)', async () => {
    const missing = await serve((_req, res) => res.writeHead(404).end('{"error":{}}'))
    const notSse = await serve((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>'))
    const a = open(missing.url)
    const b = open(notSse.url)
    await until(() => a.conn.state === 'closed' && b.conn.state === 'closed')
    expect(a.states.at(-1)).toEqual({ state: 'closed', error: 'the server answered 404' })
    expect(b.states.at(-1)).toEqual({ state: 'closed', error: 'the answer is not an event stream' })
    await new Promise((r) => setTimeout(r, 100))
    expect(missing.seen).toHaveLength(1)
    expect(notSse.seen).toHaveLength(1)
  })

  it('retries server errors with a growing delay, then streams', async () => {
    const { url, seen } = await serve((_req, res, n) => {
      if (n <= 3) return res.writeHead(503).end()
      streamHead(res)
      res.end(frame(0, 'ok', 'done'))
    })
    const { conn, messages, states } = open(url, { retryMs: 50 })
    await until(() => conn.state === 'closed')
    expect(messages.map((m) => m.data)).toEqual(['ok'])
    const retries = states.filter((s) => s.state === 'reconnecting')
    expect(retries.map((s) => [s.retryInMs, s.error])).toEqual([
      [50, 'the server answered 503'],
      [100, 'the server answered 503'],
      [200, 'the server answered 503'],
    ])
    expect(seen[3]!.at - seen[2]!.at).toBeGreaterThanOrEqual(190)
  })

  it('honours the server retry field after a clean end of stream', async () => {
    const { url, seen } = await serve((_req, res, n) => {
      streamHead(res)
      if (n === 1) return res.end(`retry: 200\n${frame(0, 'first')}`)
      res.end(frame(1, 'last', 'done'))
    })
    const { conn, messages } = open(url)
    await until(() => conn.state === 'closed')
    expect(messages.map((m) => m.data)).toEqual(['first', 'last'])
    expect(seen[1]!.at - seen[0]!.at).toBeGreaterThanOrEqual(180)
    expect(seen[1]!.lastEventId).toBe('0')
  })

  it('close() ends the connection and stops reconnecting', async () => {
    const { url, seen } = await serve((_req, res) => {
      streamHead(res)
      res.write(frame(0, 'hello'))
    })
    const { conn, messages } = open(url)
    await until(() => messages.length === 1)
    conn.close()
    expect(conn.state).toBe('closed')
    await until(() => seen[0]!.closed)
    await new Promise((r) => setTimeout(r, 100))
    expect(seen).toHaveLength(1)
  })
})
