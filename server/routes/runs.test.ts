import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chain, createTestApp } from './test-app.ts'

type TestApp = Awaited<ReturnType<typeof createTestApp>>
let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
  await t.call('analyst', 'POST', '/api/playbooks', chain('pb-r'))
})
afterAll(() => t.close())

const start = (who: Parameters<TestApp['call']>[0], body: unknown, id = 'pb-r') =>
  t.call(who, 'POST', `/api/playbooks/${id}/runs`, body)

describe('runs', () => {
  it('a test run of the draft is queued (202), finishes, and shows its steps', async () => {
    const res = await start('analyst', { event: { host: 'h1' }, mode: 'test' })
    expect(res.status).toBe(202)
    const { runId } = await res.json()
    await t.untilRun(runId, ['succeeded'])
    const run = await (await t.call('viewer', 'GET', `/api/runs/${runId}`)).json()
    expect(run).toMatchObject({
      id: runId,
      playbookId: 'pb-r',
      mode: 'test',
      status: 'succeeded',
      version: null,
    })
    expect(run.trigger).toEqual({ host: 'h1' })
    expect(run.startedAt).toBeTypeOf('number')
    expect(run.steps.map((s: { nodeId: string; status: string }) => [s.nodeId, s.status])).toEqual([
      ['start', 'succeeded'],
      ['set', 'succeeded'],
    ])
    expect(run.steps[1]).toMatchObject({ attempt: 1, output: { a: 1 } })
    expect(run).not.toHaveProperty('state')
  })

  it('a production run of an unpublished playbook is a clear 409; roles are checked', async () => {
    const res = await start('responder', { event: {}, mode: 'production' })
    expect(res.status).toBe(409)
    const body = await res.json()
    expect(body.error.code).toBe('NOT_PUBLISHED')
    expect(body.error.message).toMatch(/published/)
    expect((await start('analyst', { event: {}, mode: 'production' })).status).toBe(403)
    expect((await start('viewer', { event: {}, mode: 'test' })).status).toBe(403)
    expect((await start('analyst', { event: {}, mode: 'live' })).status).toBe(422)
    expect((await start('analyst', { event: {}, mode: 'test' }, 'missing')).status).toBe(404)
  })

  it('a test run carries simulate options (mocks replace node results); a production run refuses them', async () => {
    const simulate = { external: true, mocks: { set: { output: { mocked: true } } } }
    const res = await start('analyst', { event: {}, mode: 'test', simulate })
    expect(res.status).toBe(202)
    const run = await t.untilRun((await res.json()).runId, ['succeeded'])
    expect(run.simulate).toEqual(simulate)
    expect((await (await t.call('viewer', 'GET', `/api/runs/${run.id}`)).json()).simulate).toEqual(simulate)
    expect(run.steps.find((s) => s.nodeId === 'set')).toMatchObject({
      output: { mocked: true },
      input: { start: {} },
    })
    const prod = await start('responder', { event: {}, mode: 'production', simulate })
    expect(prod.status).toBe(422)
    expect((await prod.json()).error.code).toBe('INVALID_REQUEST')
    const bad = await start('analyst', {
      event: {},
      mode: 'test',
      simulate: { mocks: { 'Not A Slug': { output: 1 } } },
    })
    expect(bad.status).toBe(422)
    expect((await start('analyst', { event: {}, mode: 'test', simulate: { extra: 1 } })).status).toBe(422)
  })

  it('a production run uses the newest published version', async () => {
    await t.call('champion', 'POST', '/api/playbooks/pb-r/publish', { note: 'v1' })
    const res = await start('responder', { event: { n: 1 }, mode: 'production' })
    expect(res.status).toBe(202)
    const run = await t.untilRun((await res.json()).runId, ['succeeded'])
    expect(run).toMatchObject({ mode: 'production', version: 1 })
    expect((await start('responder', { event: {}, mode: 'production', version: 7 })).status).toBe(404)
  })

  it('lists runs with filters and a cursor', async () => {
    await t.call('analyst', 'POST', '/api/playbooks', chain('pb-list'))
    const ids: string[] = []
    for (let i = 0; i < 5; i++)
      ids.push((await (await start('analyst', { event: { i }, mode: 'test' }, 'pb-list')).json()).runId)
    for (const id of ids) await t.untilRun(id, ['succeeded'])

    const seen: string[] = []
    let cursor: string | undefined
    do {
      const q = `/api/runs?playbook=pb-list&limit=2${cursor ? `&cursor=${cursor}` : ''}`
      const page = await (await t.call('viewer', 'GET', q)).json()
      expect(page.items.length).toBeLessThanOrEqual(2)
      seen.push(...page.items.map((r: { id: string }) => r.id))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen.sort()).toEqual([...ids].sort())

    const prod = await (await t.call('viewer', 'GET', '/api/runs?mode=production')).json()
    expect(prod.items.every((r: { playbookId: string }) => r.playbookId === 'pb-r')).toBe(true)
    const failed = await (await t.call('viewer', 'GET', '/api/runs?status=failed,cancelled')).json()
    expect(failed.items).toEqual([])
    const future = await (await t.call('viewer', 'GET', `/api/runs?from=${Date.now() + 60_000}`)).json()
    expect(future.items).toEqual([])
    const iso = await (await t.call('viewer', 'GET', '/api/runs?to=2000-01-01T00:00:00Z')).json()
    expect(iso.items).toEqual([])
    expect((await t.call('viewer', 'GET', '/api/runs?status=bogus')).status).toBe(422)
    expect((await t.call('viewer', 'GET', '/api/runs?cursor=nonsense')).status).toBe(400)
    expect((await t.call('viewer', 'GET', '/api/runs/no-such-run')).status).toBe(404)
  })

  it('cancels (test runs: who may test; production runs: responders) and retries', async () => {
    await t.call(
      'analyst',
      'POST',
      '/api/playbooks',
      chain('pb-wait', [{ id: 'pause', type: 'flow.delay', version: 1, params: { ms: 60_000 } }]),
    )
    const { runId } = await (await start('analyst', { event: {}, mode: 'test' }, 'pb-wait')).json()
    expect((await t.call('viewer', 'POST', `/api/runs/${runId}/cancel`)).status).toBe(403)
    const res = await t.call('analyst', 'POST', `/api/runs/${runId}/cancel`)
    expect(res.status).toBe(200)
    expect(['cancelled', 'cancelling']).toContain((await res.json()).status)
    await t.untilRun(runId, ['cancelled'])
    expect((await t.call('responder', 'POST', `/api/runs/${runId}/cancel`)).status).toBe(409)

    expect((await t.call('champion', 'POST', '/api/playbooks/pb-wait/publish', { note: 'v1' })).status).toBe(
      201,
    )
    const prod = await (await start('responder', { event: {}, mode: 'production' }, 'pb-wait')).json()
    const refused = await t.call('analyst', 'POST', `/api/runs/${prod.runId}/cancel`)
    expect(refused.status).toBe(403)
    expect((await refused.json()).error.message).toContain('run.cancel')
    expect((await t.call('responder', 'POST', `/api/runs/${prod.runId}/cancel`)).status).toBe(200)
    await t.untilRun(prod.runId, ['cancelled'])

    const retry = await t.call('analyst', 'POST', `/api/runs/${runId}/retry`, {})
    expect(retry.status).toBe(202)
    const again = await t.deps.stores.runs.get((await retry.json()).runId)
    expect(again).toMatchObject({ retryOfRunId: runId, playbookId: 'pb-wait' })
    await t.call('responder', 'POST', `/api/runs/${again!.id}/cancel`)
    const bad = await t.call('analyst', 'POST', `/api/runs/${runId}/retry`, { fromNode: 'Not A Slug' })
    expect(bad.status).toBe(422)
  })
})
