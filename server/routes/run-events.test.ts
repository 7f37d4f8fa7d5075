import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chain, createTestApp, node } from './test-app.ts'

type TestApp = Awaited<ReturnType<typeof createTestApp>>
let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
  await t.call('analyst', 'POST', '/api/playbooks', chain('pb-sse'))
})
afterAll(() => t.close())

/** `[id, event]` of each SSE message. */
const messages = (text: string) =>
  text
    .split('\n\n')
    .filter((block) => block.includes('data:'))
    .map((block) => [/^id: (.*)$/m.exec(block)?.[1], /^event: (.*)$/m.exec(block)?.[1]])

describe('GET /api/runs/:id/events', () => {
  it('replays a finished run, then after Last-Event-ID only the rest, and ends', async () => {
    const { runId } = await (
      await t.call('analyst', 'POST', '/api/playbooks/pb-sse/runs', { event: {}, mode: 'test' })
    ).json()
    await t.untilRun(runId, ['succeeded'])

    const all = await t.call('viewer', 'GET', `/api/runs/${runId}/events`)
    expect(all.headers.get('content-type')).toMatch(/text\/event-stream/)
    const every = messages(await all.text())
    expect(every[0]).toEqual(['0', 'run.started'])
    expect(every.at(-1)?.[1]).toBe('run.finished')

    const resumed = await t.call('viewer', 'GET', `/api/runs/${runId}/events`, undefined, {
      'last-event-id': '2',
    })
    const rest = messages(await resumed.text())
    expect(rest).toEqual(every.filter(([id]) => Number(id) > 2))
    expect(rest.length).toBeGreaterThan(0)
  })

  it('streams a live run to its end', async () => {
    await t.call(
      'analyst',
      'POST',
      '/api/playbooks',
      chain('pb-live', [
        node('pause', 'flow.delay', { ms: 100 }),
        node('set', 'transform.set', { values: {} }),
      ]),
    )
    const { runId } = await (
      await t.call('analyst', 'POST', '/api/playbooks/pb-live/runs', { event: {}, mode: 'test' })
    ).json()
    const res = await t.call('viewer', 'GET', `/api/runs/${runId}/events`)
    const events = messages(await res.text())
    expect(events.map(([id]) => Number(id))).toEqual(events.map((_, i) => i))
    expect(events.at(-1)?.[1]).toBe('run.finished')
  })

  it('answers 404 for an unknown run, 400 for a bad Last-Event-ID, 401 without a user', async () => {
    expect((await t.call('viewer', 'GET', '/api/runs/nope/events')).status).toBe(404)
    const { runId } = await (
      await t.call('analyst', 'POST', '/api/playbooks/pb-sse/runs', { event: {}, mode: 'test' })
    ).json()
    const bad = await t.call('viewer', 'GET', `/api/runs/${runId}/events`, undefined, {
      'last-event-id': 'x',
    })
    expect(bad.status).toBe(400)
    expect((await t.call(null, 'GET', `/api/runs/${runId}/events`)).status).toBe(401)
  })
})
