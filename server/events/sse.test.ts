import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import type { RunEvent } from '../../runtime/engine/types.ts'
import { onError } from '../app/errors.ts'
import { createMemoryEventBus } from './memory-bus.ts'
import { runEventsSSE } from './sse.ts'

const started = (seq: number): RunEvent => ({
  type: 'node.started',
  runId: 'r1',
  seq,
  at: seq,
  nodeId: 'n',
  attempt: 1,
})
const finishedEv = (seq: number): RunEvent => ({
  type: 'run.finished',
  runId: 'r1',
  seq,
  at: seq,
  status: 'succeeded',
  durationMs: 5,
})

interface Message {
  id?: string
  event?: string
  data?: string
  comment?: string
}

/** Reads SSE messages from a response until `until` says stop or the stream ends. */
async function readMessages(res: Response, until: (all: Message[]) => boolean = () => false) {
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader()
  const messages: Message[] = []
  let text = ''
  let ended = false
  while (!until(messages)) {
    const { value, done } = await reader.read()
    if (done) {
      ended = true
      break
    }
    text += value
    let cut = text.indexOf('\n\n')
    while (cut >= 0) {
      const msg: Message = {}
      for (const line of text.slice(0, cut).split('\n')) {
        if (line.startsWith(':')) msg.comment = line.slice(1).trim()
        else {
          const [key, ...rest] = line.split(': ')
          msg[key as 'id' | 'event' | 'data'] = rest.join(': ')
        }
      }
      messages.push(msg)
      text = text.slice(cut + 2)
      cut = text.indexOf('\n\n')
    }
  }
  if (!ended) await reader.cancel()
  return { messages, ended }
}

const seqs = (messages: Message[]) => messages.filter((m) => m.id !== undefined).map((m) => Number(m.id))

function setup(opts: { heartbeatMs?: number; publishBeforeSnapshot?: boolean } = {}) {
  const stored: RunEvent[] = []
  const bus = createMemoryEventBus()
  let onReplay: (() => void) | undefined
  /** Persist, then publish: the contract of the bus. */
  const emit = (e: RunEvent) => {
    stored.push(e)
    bus.publish(e.runId, e)
  }
  const app = new Hono()
  app.onError(onError)
  app.get(
    '/runs/:id/events',
    runEventsSSE({
      bus,
      heartbeatMs: opts.heartbeatMs,
      isFinished: () => stored.some((e) => e.type === 'run.finished'),
      async replay(_runId, afterSeq) {
        if (opts.publishBeforeSnapshot) onReplay?.()
        const snapshot = stored.filter((e) => e.seq > afterSeq)
        if (!opts.publishBeforeSnapshot) onReplay?.()
        return snapshot
      },
    }),
  )
  return { app, bus, stored, emit, setOnReplay: (fn: () => void) => (onReplay = fn) }
}

describe('runEventsSSE', () => {
  it('replays past events, then streams live ones, and closes after run.finished', async () => {
    const { app, bus, emit } = setup()
    emit(started(0))
    emit(started(1))
    const res = await app.request('/runs/r1/events')
    expect(res.headers.get('content-type')).toBe('text/event-stream')
    const reading = readMessages(res)
    await new Promise((r) => setTimeout(r, 10))
    emit(started(2))
    emit(finishedEv(3))
    const { messages, ended } = await reading
    expect(ended).toBe(true)
    expect(seqs(messages)).toEqual([0, 1, 2, 3])
    expect(messages[3]).toMatchObject({ id: '3', event: 'run.finished' })
    expect(JSON.parse(messages[2]!.data!)).toEqual(started(2))
    expect(bus.listenerCount()).toBe(0)
  })

  it('resumes after Last-Event-ID (or ?after=) and misses nothing', async () => {
    const { app, emit } = setup()
    for (let i = 0; i < 3; i++) emit(started(i))
    const first = await readMessages(await app.request('/runs/r1/events'), (m) => m.length === 2)
    expect(seqs(first.messages)).toEqual([0, 1])
    emit(started(3))
    emit(finishedEv(4))
    const again = await readMessages(
      await app.request('/runs/r1/events', { headers: { 'last-event-id': '1' } }),
    )
    expect(seqs(again.messages)).toEqual([2, 3, 4])
    const byQuery = await readMessages(await app.request('/runs/r1/events?after=3'))
    expect(seqs(byQuery.messages)).toEqual([4])
  })

  it.each([
    { publishBeforeSnapshot: false, where: 'after the query read (only live)' },
    { publishBeforeSnapshot: true, where: 'before the query read (replayed and live)' },
  ])('sends no duplicate and no gap when an event is published during the replay, $where', async (opts) => {
    const { app, emit, setOnReplay } = setup(opts)
    emit(started(0))
    let once = true
    setOnReplay(() => {
      if (!once) return
      once = false
      // Persisted and published while the replay query is in flight: seen by the subscription too.
      emit(started(1))
    })
    const reading = readMessages(await app.request('/runs/r1/events'))
    await new Promise((r) => setTimeout(r, 10))
    emit(finishedEv(2))
    expect(seqs((await reading).messages)).toEqual([0, 1, 2])
  })

  it('fills a gap from the store when a live event jumps ahead', async () => {
    const { app, bus, stored, emit } = setup()
    const reading = readMessages(await app.request('/runs/r1/events'))
    await new Promise((r) => setTimeout(r, 10))
    stored.push(started(0)) // persisted but its publish was lost
    emit(started(1))
    emit(finishedEv(2))
    expect(seqs((await reading).messages)).toEqual([0, 1, 2])
    expect(bus.listenerCount()).toBe(0)
  })

  it('ends at once for a run that already finished and was fully seen', async () => {
    const { app, emit } = setup()
    emit(started(0))
    emit(finishedEv(1))
    const { messages, ended } = await readMessages(
      await app.request('/runs/r1/events', { headers: { 'last-event-id': '1' } }),
    )
    expect(ended).toBe(true)
    expect(messages).toEqual([])
  })

  it('sends heartbeats and unsubscribes when the client goes away', async () => {
    const { app, bus } = setup({ heartbeatMs: 5 })
    const res = await app.request('/runs/r1/events')
    const { messages } = await readMessages(res, (m) => m.some((x) => x.comment === 'heartbeat'))
    expect(messages.some((m) => m.comment === 'heartbeat')).toBe(true)
    await new Promise((r) => setTimeout(r, 10))
    expect(bus.listenerCount()).toBe(0)
  })

  it('answers 400 to a malformed Last-Event-ID', async () => {
    const { app } = setup()
    const res = await app.request('/runs/r1/events', { headers: { 'last-event-id': 'abc' } })
    expect(res.status).toBe(400)
  })
})
