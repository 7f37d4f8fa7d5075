import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signBody } from '../webhooks/signature.ts'
import { chain, createTestApp, node, TEST_WEBHOOK_MAX_BYTES } from './test-app.ts'

type TestApp = Awaited<ReturnType<typeof createTestApp>>
let t: TestApp
let secret: string
beforeAll(async () => {
  t = await createTestApp()
  const playbook = {
    ...chain('pb-hook', [node('set', 'transform.set', { values: { n: '{{ trigger.n }}' } })]),
    outputs: { n: { type: 'number', value: '{{ nodes.set.output.n }}' } },
  }
  playbook.nodes[0] = node('start', 'trigger.webhook')
  expect((await t.call('analyst', 'POST', '/api/playbooks', playbook)).status).toBe(201)
  await t.call('champion', 'POST', '/api/playbooks/pb-hook/publish', { note: 'v1' })
  const rotated = await t.call('champion', 'POST', '/api/playbooks/pb-hook/webhook')
  expect(rotated.status).toBe(200)
  secret = (await rotated.json()).secret
})
afterAll(() => t.close())

const hook = (body: string, headers: Record<string, string>, path = '/hooks/pb-hook') =>
  t.app.request(path, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } })
const signed = (body: string, extra: Record<string, string> = {}, path?: string) =>
  hook(body, { 'x-bulwark-signature': signBody(secret, body), ...extra }, path)

describe('POST /hooks/:playbookId', () => {
  it('queues a production run of the published version for a valid HMAC (202)', async () => {
    const res = await signed('{"n":1}')
    expect(res.status).toBe(202)
    const { runIds } = await res.json()
    expect(runIds).toHaveLength(1)
    const run = await t.deps.stores.runs.get(runIds[0])
    expect(run).toMatchObject({ playbookId: 'pb-hook', mode: 'production', version: 1, trigger: { n: 1 } })
    expect(run?.createdBy).toBe('webhook')
  })

  it('accepts the bearer secret too', async () => {
    expect((await hook('{"n":2}', { authorization: `Bearer ${secret}` })).status).toBe(202)
  })

  it('answers 401 alike for a bad signature, an unknown playbook and an unpublished one', async () => {
    const bad = await hook('{"n":1}', { 'x-bulwark-signature': signBody('wrong', '{"n":1}') })
    expect(bad.status).toBe(401)
    const badBody = await bad.json()
    const unknown = await signed('{}', {}, '/hooks/no-such-playbook')
    expect(unknown.status).toBe(401)
    expect(await unknown.json()).toEqual(badBody)
    await t.call('analyst', 'POST', '/api/playbooks', chain('pb-draft-only'))
    await t.deps.stores.webhookSecrets.rotate('pb-draft-only')
    const draftSecret = (await t.deps.stores.webhookSecrets.get('pb-draft-only'))!
    const draft = await hook('{}', { authorization: `Bearer ${draftSecret}` }, '/hooks/pb-draft-only')
    expect(draft.status).toBe(401)
    expect((await hook('{}', {})).status).toBe(401)
  })

  it('arms on publish and disarms on delete at once (the webhook check is served from memory)', async () => {
    await t.call('analyst', 'POST', '/api/playbooks', chain('pb-arm'))
    const armSecret = await t.deps.stores.webhookSecrets.rotate('pb-arm')
    const send = () => hook('{}', { authorization: `Bearer ${armSecret}` }, '/hooks/pb-arm')
    expect((await send()).status).toBe(401)
    await t.call('champion', 'POST', '/api/playbooks/pb-arm/publish', { note: 'v1' })
    expect((await send()).status).toBe(202)
    expect((await t.call('admin', 'DELETE', '/api/playbooks/pb-arm')).status).toBeLessThan(300)
    expect((await send()).status).toBe(401)
  })

  it('answers 413 for a body over the limit', async () => {
    const body = JSON.stringify({ pad: 'x'.repeat(TEST_WEBHOOK_MAX_BYTES) })
    expect((await signed(body)).status).toBe(413)
  })

  it('queues one run per NDJSON line, and names a bad line with 400', async () => {
    const body = '{"n":1}\n{"n":2}\n\n{"n":3}\n'
    const res = await signed(body, { 'content-type': 'application/x-ndjson' })
    expect(res.status).toBe(202)
    const { runIds } = await res.json()
    expect(runIds).toHaveLength(3)
    const triggers = await Promise.all(
      runIds.map(async (id: string) => (await t.deps.stores.runs.get(id))?.trigger),
    )
    expect(triggers).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }])

    const broken = '{"n":1}\n{"n":\n'
    const bad = await signed(broken, { 'content-type': 'application/x-ndjson' })
    expect(bad.status).toBe(400)
    expect((await bad.json()).error.message).toMatch(/^line 2/)
  })

  it('wait mode answers 200 with the outputs when the run ends within the wait', async () => {
    const res = await signed('{"n":42}', {}, '/hooks/pb-hook?wait=5000')
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.runs).toEqual([{ runId: body.runIds[0], status: 'succeeded', outputs: { n: 42 } }])
    expect((await signed('{}', {}, '/hooks/pb-hook?wait=soon')).status).toBe(422)
  })
})

describe('GET/POST /api/playbooks/:id/webhook', () => {
  it('shows whether a secret exists and the URL, never the secret; rotation shows it once', async () => {
    const info = await t.call('champion', 'GET', '/api/playbooks/pb-hook/webhook')
    const text = await info.text()
    expect(JSON.parse(text)).toMatchObject({
      hasSecret: true,
      published: true,
      url: 'http://localhost/hooks/pb-hook',
    })
    expect(text).not.toContain(secret)
    expect((await t.call('analyst', 'GET', '/api/playbooks/pb-hook/webhook')).status).toBe(403)
    expect((await t.call('responder', 'POST', '/api/playbooks/pb-hook/webhook')).status).toBe(403)
    expect((await t.call('admin', 'GET', '/api/playbooks/missing/webhook')).status).toBe(404)

    const old = secret
    const rotated = await (await t.call('admin', 'POST', '/api/playbooks/pb-hook/webhook')).json()
    expect(rotated.secret).not.toBe(old)
    expect((await hook('{}', { authorization: `Bearer ${old}` })).status).toBe(401)
    secret = rotated.secret
    const audit = await t.deps.stores.audit.list({ action: 'webhook.rotate' })
    expect(JSON.stringify(audit.items)).not.toContain(secret)
  })
})
