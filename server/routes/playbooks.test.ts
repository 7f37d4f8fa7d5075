import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chain, createTestApp, node } from './test-app.ts'

type TestApp = Awaited<ReturnType<typeof createTestApp>>
let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

describe('playbook drafts', () => {
  it('creates, reads, lists with filters, and refuses a second create', async () => {
    const res = await t.call('analyst', 'POST', '/api/playbooks', { ...chain('pb-a'), tags: ['phishing'] })
    expect(res.status).toBe(201)
    expect((await res.json()).draft.playbook.id).toBe('pb-a')
    expect((await t.call('analyst', 'POST', '/api/playbooks', chain('pb-a'))).status).toBe(409)
    await t.call('analyst', 'POST', '/api/playbooks', chain('other'))

    const got = await (await t.call('viewer', 'GET', '/api/playbooks/pb-a')).json()
    expect(got.playbook.tags).toEqual(['phishing'])
    const byTag = await (await t.call('viewer', 'GET', '/api/playbooks?tag=phishing')).json()
    expect(byTag.items.map((p: { id: string }) => p.id)).toEqual(['pb-a'])
    const bySearch = await (await t.call('viewer', 'GET', '/api/playbooks?search=OTH')).json()
    expect(bySearch).toMatchObject({ count: 1, items: [{ id: 'other', status: 'draft', lastRun: null }] })
  })

  it('stores canonical JSON and migrates nothing it does not need to', async () => {
    const messy = {
      edges: chain('pb-c').edges,
      nodes: chain('pb-c').nodes,
      name: 'C',
      id: 'pb-c',
      format: 'bulwark.playbook/2',
    }
    await t.call('analyst', 'POST', '/api/playbooks', messy)
    const draft = await t.deps.stores.playbooks.getDraft('pb-c')
    expect(draft?.json.startsWith('{\n  "format": "bulwark.playbook/2",\n  "id": "pb-c"')).toBe(true)
  })

  it('PUT with a broken playbook answers 422 with every problem, its path and node id', async () => {
    await t.call('analyst', 'POST', '/api/playbooks', chain('pb-broken'))
    const broken = chain('pb-broken', [
      node('bad_type', 'no.such-type'),
      node('bad_params', 'transform.set', { values: 'not an object' }),
    ])
    broken.edges.push({ from: 'start', to: 'ghost' })
    const res = await t.call('analyst', 'PUT', '/api/playbooks/pb-broken', broken)
    expect(res.status).toBe(422)
    const body = await res.json()
    expect(body.error.code).toBe('VALIDATION')
    const problems = body.error.details.problems as { code: string; path: string; nodeId?: string }[]
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'UNKNOWN_NODE_TYPE', nodeId: 'bad_type', path: '$.nodes[1].type' }),
        expect.objectContaining({ code: 'INVALID_PARAMS', nodeId: 'bad_params' }),
        expect.objectContaining({ code: 'DANGLING_EDGE', path: '$.edges[2].to' }),
      ]),
    )
    // Nothing was saved.
    const kept = await (await t.call('viewer', 'GET', '/api/playbooks/pb-broken')).json()
    expect(kept.playbook.nodes).toHaveLength(2)
  })

  it('PUT refuses an id that differs from the URL, a missing playbook, and a viewer', async () => {
    const res = await t.call('analyst', 'PUT', '/api/playbooks/pb-a', chain('pb-z'))
    expect(res.status).toBe(422)
    expect((await res.json()).error.details.problems[0]).toMatchObject({ code: 'ID_MISMATCH', path: '$.id' })
    expect((await t.call('analyst', 'PUT', '/api/playbooks/nope', chain('nope'))).status).toBe(404)
    expect((await t.call('viewer', 'PUT', '/api/playbooks/pb-a', chain('pb-a'))).status).toBe(403)
    expect((await t.call(null, 'GET', '/api/playbooks')).status).toBe(401)
    expect((await t.call('viewer', 'GET', '/api/playbooks/Bad%20Id')).status).toBe(422)
  })

  it('publishes immutable versions (champion only) and refuses a draft that no longer validates', async () => {
    await t.call('analyst', 'POST', '/api/playbooks', chain('pb-v'))
    expect((await t.call('analyst', 'POST', '/api/playbooks/pb-v/publish', { note: 'x' })).status).toBe(403)
    const v1 = await t.call('champion', 'POST', '/api/playbooks/pb-v/publish', { note: 'first' })
    expect(v1.status).toBe(201)
    expect(await v1.json()).toMatchObject({ version: 1, note: 'first', publishedBy: 'champion (token)' })
    const changed = chain('pb-v', [node('set', 'transform.set', { values: { a: 2 } })])
    expect((await t.call('analyst', 'PUT', '/api/playbooks/pb-v', changed)).status).toBe(200)
    expect((await t.call('admin', 'POST', '/api/playbooks/pb-v/publish', { note: 'second' })).status).toBe(
      201,
    )

    const list = await (await t.call('viewer', 'GET', '/api/playbooks/pb-v/versions')).json()
    expect(list.items.map((v: { version: number }) => v.version)).toEqual([1, 2])
    const first = await (await t.call('viewer', 'GET', '/api/playbooks/pb-v/versions/1')).json()
    const set = first.playbook.nodes.find((n: { id: string }) => n.id === 'set')
    expect(set.params.values).toEqual({ a: 1 })
    expect((await t.call('viewer', 'GET', '/api/playbooks/pb-v/versions/9')).status).toBe(404)
    const summary = await (await t.call('viewer', 'GET', '/api/playbooks?status=published')).json()
    expect(summary.items).toMatchObject([{ id: 'pb-v', latestVersion: 2, status: 'published' }])

    // A draft stored before its node type went away (e.g. a deleted template) cannot be published.
    const raw = chain('pb-stale', [node('gone', 'no.such-type')])
    await t.deps.stores.playbooks.putDraft(raw as never, 'test')
    const res = await t.call('champion', 'POST', '/api/playbooks/pb-stale/publish', {})
    expect(res.status).toBe(422)
    expect((await res.json()).error.details.problems[0]).toMatchObject({
      code: 'UNKNOWN_NODE_TYPE',
      nodeId: 'gone',
    })
  })

  it('deletes softly and audits every change', async () => {
    await t.call('analyst', 'POST', '/api/playbooks', chain('pb-d'))
    expect((await t.call('analyst', 'DELETE', '/api/playbooks/pb-d')).status).toBe(204)
    expect((await t.call('viewer', 'GET', '/api/playbooks/pb-d')).status).toBe(404)
    expect((await t.call('analyst', 'DELETE', '/api/playbooks/pb-d')).status).toBe(404)
    const audit = await t.deps.stores.audit.list({ target: 'pb-d' })
    expect(audit.items.map((a) => a.action).sort()).toEqual(['playbook.create', 'playbook.delete'])
  })

  it('refuses a playbook body over the size limit with 413', async () => {
    const big = { ...chain('pb-big'), description: 'x'.repeat(6 * 1024 * 1024) }
    const res = await t.call('analyst', 'POST', '/api/playbooks', big)
    expect(res.status).toBe(413)
  })

  it('documents the routes with their permissions in the OpenAPI document', async () => {
    const doc = await (await t.app.request('/api/openapi.json')).json()
    expect(doc.paths['/api/playbooks/{id}'].put['x-permission']).toBe('playbook.edit')
    expect(doc.paths['/api/playbooks/{id}/publish'].post['x-permission']).toBe('playbook.publish')
    expect(doc.paths['/hooks/{playbookId}'].post.security).toEqual([])
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/runs',
        '/api/runs/{id}/events',
        '/api/approvals/{id}',
        '/api/playbooks/{id}/webhook',
      ]),
    )
  })
})
