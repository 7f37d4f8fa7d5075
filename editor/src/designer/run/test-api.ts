import type { EventBody } from '../../../../runtime/engine/events.ts'
import type { RunEvent } from '../../../../runtime/engine/types.ts'

/**
 * Test support: a small stand-in for the Bulwark API, served by a real `node:http` server that the
 * test starts (`createServer(api.handle)`), so the editor's fetch and SSE code run over real HTTP.
 * Canned JSON answers per route, and each run's trace as Server-Sent Events that replay after
 * `Last-Event-ID` and then stream live, like the server's. This file imports no `node:` module (the
 * editor's import rules); it uses the request and response structurally.
 */

interface RequestLike {
  method?: string | undefined
  url?: string | undefined
  headers: Record<string, string | string[] | undefined>
  on(event: 'data' | 'end', listener: (chunk?: unknown) => void): unknown
}

interface ResponseLike {
  writeHead(status: number, headers?: Record<string, string>): unknown
  write(chunk: string): unknown
  end(body?: string): unknown
  destroy(): unknown
  on(event: 'close', listener: () => void): unknown
}

/** A request the fake API received. */
export interface Received {
  method: string
  path: string
  query: URLSearchParams
  headers: Record<string, string | string[] | undefined>
  body: unknown
}

type Answer = { status?: number; body?: unknown } | ((req: Received) => { status?: number; body?: unknown })

interface Frame {
  id: number
  text: string
  ends: boolean
}

/** A frame of the event stream for one run event. */
export function eventFrame(event: RunEvent): string {
  return `id: ${event.seq}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`
}

/**
 * Creates the fake API. Routes are `METHOD /path` without the query; unknown routes answer 404.
 * @example const api = fakeApi(); api.on('GET /api/runs/r1', { body: run }); createServer(api.handle)
 */
export function fakeApi() {
  const routes = new Map<string, Answer>()
  const received: Received[] = []
  const traces = new Map<string, { frames: Frame[]; open: Set<ResponseLike> }>()
  const traceOf = (runId: string) => {
    const known = traces.get(runId)
    if (known) return known
    const fresh = { frames: [] as Frame[], open: new Set<ResponseLike>() }
    traces.set(runId, fresh)
    return fresh
  }

  const stream = (runId: string, req: Received, res: ResponseLike) => {
    const trace = traceOf(runId)
    const after = Number(req.headers['last-event-id'] ?? -1)
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
    const due = trace.frames.filter((f) => f.id > after)
    for (const f of due) res.write(f.text)
    if (due.some((f) => f.ends)) return res.end()
    trace.open.add(res)
    res.on('close', () => trace.open.delete(res))
  }

  const respond = (req: Received, res: ResponseLike) => {
    const route = routes.get(`${req.method} ${req.path}`)
    const events = /^\/api\/runs\/([^/]+)\/events$/.exec(req.path)
    if (req.method === 'GET' && events && !route) return stream(decodeURIComponent(events[1]!), req, res)
    const answer = typeof route === 'function' ? route(req) : route
    const status = answer?.status ?? (answer ? 200 : 404)
    const body = answer ? answer.body : { error: { code: 'NOT_FOUND', message: `no route ${req.path}` } }
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(body === undefined ? '' : JSON.stringify(body))
  }

  const emitRaw = (runId: string, id: number, text: string, ends = false) => {
    const trace = traceOf(runId)
    trace.frames.push({ id, text, ends })
    for (const res of trace.open) {
      res.write(text)
      if (ends) res.end()
    }
    if (ends) trace.open.clear()
  }

  return {
    /** Every request received, oldest first. */
    received,
    /** Sets the answer of a route (`'POST /api/playbooks/p1/runs'`); it overrides a run's event stream. */
    on(route: string, answer: Answer) {
      routes.set(route, answer)
    },
    /** Removes a route's answer. */
    off(route: string) {
      routes.delete(route)
    },
    /** Appends events to a run's trace: sent to open streams; a `run.finished` ends them. */
    emit(...events: RunEvent[]) {
      for (const event of events)
        emitRaw(event.runId, event.seq, eventFrame(event), event.type === 'run.finished')
    },
    /** Appends a raw frame (e.g. a malformed message) to a run's trace. */
    emitRaw,
    /** Drops every open stream of a run, as a network failure would. */
    drop(runId: string) {
      const trace = traceOf(runId)
      for (const res of trace.open) res.destroy()
      trace.open.clear()
    },
    /** Streams currently open for a run. */
    watching(runId: string) {
      return traceOf(runId).open.size
    },
    /** The request handler to give to `http.createServer`. */
    handle(req: RequestLike, res: ResponseLike) {
      const chunks: string[] = []
      req.on('data', (c) => chunks.push(String(c)))
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://fake')
        const text = chunks.join('')
        let body: unknown
        try {
          body = text === '' ? undefined : JSON.parse(text)
        } catch {
          body = text
        }
        const r: Received = {
          method: req.method ?? 'GET',
          path: url.pathname,
          query: url.searchParams,
          headers: req.headers,
          body,
        }
        received.push(r)
        respond(r, res)
      })
    },
  }
}

/** The fake API's type. */
export type FakeApi = ReturnType<typeof fakeApi>

/**
 * Stamps event bodies as one run's trace: seq from `firstSeq`, `at` 10 ms apart.
 * @example const ev = stamper('r1'); api.emit(ev({ type: 'run.started', playbookId: 'p', mode: 'test' }))
 */
export function stamper(runId: string, firstSeq = 0) {
  let seq = firstSeq
  let at = 1_000_000 + firstSeq * 10
  return (body: EventBody): RunEvent => {
    at += 10
    return { ...body, runId, seq: seq++, at } as RunEvent
  }
}

/** The parts of a `node:http` server `serveFakeApi` uses. */
interface ServerLike {
  listen(port: number, host: string, listening: () => void): unknown
  address(): unknown
  close(closed: () => void): unknown
  closeAllConnections(): void
}

/**
 * Serves the fake API on 127.0.0.1 (a free port) with the test's `http.createServer`.
 * @example const served = await serveFakeApi(api, createServer); ...; await served.stop()
 */
export async function serveFakeApi(api: FakeApi, createServer: (handler: FakeApi['handle']) => ServerLike) {
  const server = createServer(api.handle)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return {
    origin: `http://127.0.0.1:${port}`,
    async stop() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(resolve))
    },
  }
}

/**
 * Under jsdom: gives the page the fake API's origin, so the editor's same-origin calls (the API client,
 * the event streams) reach it. Call it before the API client module is imported.
 */
export function pointPageAt(origin: string, path = '/') {
  const { jsdom } = globalThis as unknown as { jsdom: { reconfigure(o: { url: string }): void } }
  jsdom.reconfigure({ url: `${origin}${path}` })
}
