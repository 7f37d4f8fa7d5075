import { createServer } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseRunEvent, type RunEvent, watchRun } from './run-events.ts'
import type { SseState } from './sse.ts'
import { fakeApi, serveFakeApi, stamper } from './test-api.ts'

const api = fakeApi()
let served: Awaited<ReturnType<typeof serveFakeApi>>
let base = ''
beforeAll(async () => {
  served = await serveFakeApi(api, createServer)
  base = served.origin
})
afterAll(() => served.stop())

async function until(check: () => boolean, ms = 5000) {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 10))
  }
}

function watch(runId: string) {
  const events: RunEvent[] = []
  const states: SseState[] = []
  let malformed = 0
  const conn = watchRun(
    runId,
    {
      onEvent: (e) => events.push(e),
      onState: (s) => states.push(s),
      onMalformed: (count) => {
        malformed = count
      },
    },
    base,
  )
  return { conn, events, states, malformed: () => malformed }
}

describe('following a run over SSE', () => {
  it('ignores and counts malformed messages, skips unknown types, and ends with the run', async () => {
    const ev = stamper('r1')
    api.emit(ev({ type: 'run.started', playbookId: 'p', mode: 'test' }))
    api.emitRaw('r1', 1, 'id: 1\nevent: node.started\ndata: {not json\n\n')
    api.emitRaw('r1', 2, 'id: 2\nevent: node.started\ndata: {"type":"node.started","seq":2}\n\n')
    api.emitRaw('r1', 3, 'id: 3\nevent: node.hatched\ndata: {"type":"node.hatched","seq":3,"at":1}\n\n')
    const w = watch('r1')
    await until(() => w.events.length === 1)
    const later = stamper('r1', 4)
    api.emit(later({ type: 'node.started', nodeId: 'a', attempt: 1 }))
    api.emit(later({ type: 'run.finished', status: 'succeeded', durationMs: 40 }))
    await until(() => w.conn.state === 'closed')
    expect(w.events.map((e) => e.type)).toEqual(['run.started', 'node.started', 'run.finished'])
    expect(w.malformed()).toBe(2)
  })

  it('resumes after a dropped connection without losing or repeating events', async () => {
    const ev = stamper('r2')
    api.emit(
      ev({ type: 'run.started', playbookId: 'p', mode: 'test' }),
      ev({ type: 'node.started', nodeId: 'a', attempt: 1 }),
    )
    const w = watch('r2')
    await until(() => w.events.length === 2)
    api.drop('r2')
    api.emit(
      ev({ type: 'node.succeeded', nodeId: 'a', attempt: 1, output: null, ports: ['out'], durationMs: 5 }),
    )
    await until(() => w.events.length === 3)
    const resumed = api.received.filter((r) => r.path === '/api/runs/r2/events')
    expect(resumed.map((r) => r.headers['last-event-id'])).toEqual([undefined, '1'])
    api.emit(ev({ type: 'run.finished', status: 'succeeded', durationMs: 9 }))
    await until(() => w.conn.state === 'closed')
    expect(w.events.map((e) => e.seq)).toEqual([0, 1, 2, 3])
    expect(w.states).toContain('reconnecting')
  })

  it('keeps following a run that waits for an approval, until it really ends', async () => {
    const ev = stamper('r3')
    api.emit(
      ev({ type: 'run.started', playbookId: 'p', mode: 'test' }),
      ev({ type: 'node.waiting', nodeId: 'gate', wait: { kind: 'approval' } }),
      ev({ type: 'run.finished', status: 'waiting', durationMs: 5 }),
    )
    const w = watch('r3')
    await until(() => api.watching('r3') === 1 && w.events.length === 3)
    api.emit(
      ev({ type: 'run.started', playbookId: 'p', mode: 'test', resumed: true }),
      ev({ type: 'run.finished', status: 'succeeded', durationMs: 50 }),
    )
    await until(() => w.conn.state === 'closed')
    expect(w.events.map((e) => e.type).slice(-2)).toEqual(['run.started', 'run.finished'])
  })

  it('stops with an error for a run that does not exist', async () => {
    const w = watchRun('nope', { onEvent: () => {} }, `${base}/missing`)
    await until(() => w.state === 'closed')
    expect(api.received.filter((r) => r.path.startsWith('/missing'))).toHaveLength(1)
  })
})

describe('reading one run event', () => {
  it('accepts well-formed events and rejects the rest without throwing', () => {
    const ok = { type: 'node.succeeded', runId: 'r', seq: 1, at: 2, nodeId: 'a', ports: ['out'] }
    expect(parseRunEvent({ id: '1', event: 'x', data: JSON.stringify(ok) })).toEqual({ event: ok })
    for (const data of ['', 'null', '[1]', '{"type":"run.started"}', JSON.stringify({ ...ok, ports: 'out' })])
      expect(parseRunEvent({ id: '1', event: 'x', data })).toEqual({ rejected: 'malformed' })
    const newer = { type: 'run.paused', seq: 1, at: 2 }
    expect(parseRunEvent({ id: '1', event: 'x', data: JSON.stringify(newer) })).toEqual({
      rejected: 'unknown',
    })
  })
})
