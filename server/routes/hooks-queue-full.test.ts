import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chain, createTestApp, node } from './test-app.ts'

type TestApp = Awaited<ReturnType<typeof createTestApp>>
let t: TestApp
let secret: string
beforeAll(async () => {
  t = await createTestApp({ maxQueuedRuns: 3 })
  const playbook = chain('pb-full')
  playbook.nodes[0] = node('start', 'trigger.webhook')
  expect((await t.call('analyst', 'POST', '/api/playbooks', playbook)).status).toBe(201)
  await t.call('champion', 'POST', '/api/playbooks/pb-full/publish', { note: 'v1' })
  secret = (await (await t.call('champion', 'POST', '/api/playbooks/pb-full/webhook')).json()).secret
  // No worker claims runs from here on: what is queued stays queued.
  await t.deps.runner.stop()
})
afterAll(() => t.close())

const send = (body: string) =>
  t.app.request('/hooks/pb-full', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${secret}` },
  })
const queued = () => t.deps.stores.runs.countQueued()

describe('a full run queue', () => {
  it('refuses a webhook batch that does not fit whole with 503 QUEUE_FULL and Retry-After, queueing none of it', async () => {
    expect((await send('{"n":1}\n{"n":2}\n')).status).toBe(202)
    expect(await queued()).toBe(2)

    const refused = await send('{"n":3}\n{"n":4}\n')
    expect(refused.status).toBe(503)
    expect(refused.headers.get('retry-after')).toBe('5')
    const body = await refused.json()
    expect(body.error.code).toBe('QUEUE_FULL')
    expect(body.error.message).toMatch(/2 runs queued, limit 3/)
    expect(await queued()).toBe(2)

    // One still fits.
    expect((await send('{"n":3}')).status).toBe(202)
    expect(await queued()).toBe(3)
    expect((await send('{"n":4}')).status).toBe(503)
  })

  it('refuses run requests and retries through the API too, whatever the role', async () => {
    const start = await t.call('admin', 'POST', '/api/playbooks/pb-full/runs', { mode: 'test', event: {} })
    expect(start.status).toBe(503)
    expect((await start.json()).error.code).toBe('QUEUE_FULL')
    expect(await queued()).toBe(3)
  })

  it('admits again as soon as the queue has room', async () => {
    const { items } = await (await t.call('admin', 'GET', '/api/runs?status=queued')).json()
    const cancel = await t.call('admin', 'POST', `/api/runs/${items[0].id}/cancel`)
    expect(cancel.status).toBe(200)
    expect(await queued()).toBe(2)
    expect((await send('{"n":5}')).status).toBe(202)
    expect(await queued()).toBe(3)
  })
})
