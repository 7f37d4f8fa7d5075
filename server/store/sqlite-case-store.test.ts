import { afterEach, describe, expect, it } from 'vitest'
import { tempDatabase } from '../db/test-db.ts'
import { ingestAlert } from './case-fixtures.ts'
import { createSqliteCaseStore } from './sqlite-case-store.ts'
import { createSqliteRunStore } from './sqlite-run-store.ts'
import { testDeps } from './test-clock.ts'

let t: ReturnType<typeof tempDatabase> | undefined
afterEach(() => t?.cleanup())

function setup() {
  t = tempDatabase()
  const deps = testDeps()
  return { db: t.db, deps, store: createSqliteCaseStore(t.db, deps) }
}

const alice = { name: 'alice', human: true }

describe('SqliteCaseStore', () => {
  it('lists newest first with filters and a cursor', async () => {
    const { db, deps, store } = setup()
    const ids: string[] = []
    for (const [i, severity] of (['low', 'high', 'high', 'critical'] as const).entries()) {
      deps.advance(1000)
      ids.push(ingestAlert(db, deps, { alert: { severity, ruleId: `r${i % 2}` } }).caseId!)
    }
    const page1 = await store.list({}, { limit: 3 })
    expect(page1.items.map((c) => c.id)).toEqual(ids.slice(1).reverse())
    const page2 = await store.list({}, { limit: 3, cursor: page1.nextCursor })
    expect(page2).toEqual({ items: [expect.objectContaining({ id: ids[0] })] })
    expect((await store.list({ severity: ['high'], ruleId: 'r1' })).items.map((c) => c.id)).toEqual([ids[1]])
    const from = (await store.get(ids[2]!))!.createdAt
    expect((await store.list({ from })).items).toHaveLength(2)
    await store.update(ids[0]!, { assignee: 'bob', status: 'acknowledged' }, alice)
    expect((await store.list({ assignee: 'bob', status: ['acknowledged'] })).items.map((c) => c.id)).toEqual([
      ids[0],
    ])
  })

  it('records each change on the timeline, acknowledges on the first human change, and checks transitions', async () => {
    const { db, deps, store } = setup()
    const { caseId } = ingestAlert(db, deps)
    const id = caseId!
    deps.advance(60_000)
    const r = await store.update(
      id,
      { status: 'acknowledged', assignee: 'alice', tags: ['vip', 'vip', ' ssh '] },
      alice,
    )
    expect(r.changed).toEqual(['status', 'assignee', 'tags'])
    expect(r.case).toMatchObject({ acknowledgedAt: deps.now(), tags: ['vip', 'ssh'] })
    expect((await store.update(id, { assignee: 'alice' }, alice)).changed).toEqual([])
    await expect(store.update(id, { status: 'new' }, alice)).rejects.toMatchObject({
      code: 'INVALID_STATE',
      message: expect.stringMatching(/acknowledged case can only move to contained, resolved, closed/),
    })
    deps.advance(60_000)
    const closed = await store.update(id, { status: 'closed', disposition: 'false_positive' }, alice)
    expect(closed.case).toMatchObject({ status: 'closed', resolvedAt: deps.now(), grouping: false })
    const comment = await store.comment(id, 'noisy rule', { name: 'bob', human: true })
    const detail = await store.get(id)
    expect(detail?.comments).toEqual([comment])
    expect(detail?.timeline.map((e) => `${e.actor}:${e.kind}`)).toEqual([
      'webhook:opened',
      'alice:status',
      'alice:assignee',
      'alice:tags',
      'alice:status',
      'alice:disposition',
      'bob:comment',
    ])
    expect(detail?.timeline[1]?.details).toEqual({ from: 'new', to: 'acknowledged' })
    await expect(store.update('nope', { title: 'x' }, alice)).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('never acknowledges for a playbook, and reopening clears the resolution', async () => {
    const { db, deps, store } = setup()
    const id = ingestAlert(db, deps).caseId!
    const bot = { name: 'run:r/case', human: false }
    expect((await store.update(id, { status: 'resolved' }, bot)).case).toMatchObject({ acknowledgedAt: null })
    const reopened = await store.update(id, { status: 'acknowledged' }, alice)
    expect(reopened.case).toMatchObject({ resolvedAt: null, acknowledgedAt: deps.now() })
  })

  it("applyForRun updates the run's case, or opens one linked to the run and its alert", async () => {
    const { db, deps, store } = setup()
    const linked = ingestAlert(db, deps)
    const bot = { name: 'run:x/case', human: false }
    const out = await store.applyForRun(
      linked.runId!,
      { severity: 'high', tags: ['auto'], comment: 'enriched' },
      bot,
    )
    expect(out).toEqual({
      caseId: linked.caseId,
      created: false,
      status: 'new',
      severity: 'high',
      tags: ['auto'],
    })
    expect((await store.applyForRun(linked.runId!, { tags: ['more'] }, bot)).tags).toEqual(['auto', 'more'])

    const runs = createSqliteRunStore(db, deps)
    const run = await runs.enqueue({ playbookId: 'nightly', version: 2, mode: 'production', trigger: {} })
    // Asked before action.case opens the run's case: the answer follows the link.
    expect(store.linkOfRun(run.id)).toBeUndefined()
    const opened = await store.applyForRun(run.id, { title: 'Nightly finding', status: 'acknowledged' }, bot)
    expect(opened).toMatchObject({ created: true, status: 'acknowledged', severity: 'medium' })
    const c = await store.get(opened.caseId)
    expect(c).toMatchObject({
      title: 'Nightly finding',
      playbookId: 'nightly',
      alertCount: 0,
      acknowledgedAt: null,
    })
    expect(c?.runs).toEqual([expect.objectContaining({ runId: run.id, version: 2, status: 'queued' })])
    expect(store.linkOfRun(run.id)).toEqual({ caseId: opened.caseId, playbookId: 'nightly', version: 2 })
    await expect(store.applyForRun('missing', {}, bot)).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('marks the first containment, moving an open case to contained', async () => {
    const { db, deps, store } = setup()
    const { caseId, runId } = ingestAlert(db, deps)
    expect(await store.markContained(runId!, { nodeId: 'isolate', at: 5000 })).toBe(true)
    expect(await store.markContained(runId!, { nodeId: 'isolate', at: 9000 })).toBe(false)
    expect(await store.markContained('other-run', { nodeId: 'isolate', at: 9000 })).toBe(false)
    const c = await store.get(caseId!)
    expect(c).toMatchObject({ status: 'contained', containedAt: 5000 })
    expect(c?.timeline.at(-1)).toMatchObject({ kind: 'contained', details: { runId, nodeId: 'isolate' } })
  })
  it('linkRetry puts a retried run on the cases of the run it retries, with a timeline entry', async () => {
    const { db, deps, store } = setup()
    const linked = ingestAlert(db, deps)
    const before = store.linkOfRun('retry-1')
    expect(before).toBeUndefined()
    deps.advance(5000)
    expect(await store.linkRetry(linked.runId!, 'retry-1', alice)).toEqual([linked.caseId])
    // Asked before: the answer follows the new link.
    expect(store.linkOfRun('retry-1')).toMatchObject({ caseId: linked.caseId, playbookId: 'pb' })
    const c = await store.get(linked.caseId!)
    expect(c?.timeline.at(-1)).toMatchObject({
      actor: 'alice',
      kind: 'run.retried',
      details: { runId: 'retry-1', retryOf: linked.runId },
    })
    expect(c?.updatedAt).toBe(deps.now())
    expect(await store.linkRetry('run-without-case', 'retry-2', alice)).toEqual([])
    expect(store.linkOfRun('retry-2')).toBeUndefined()
  })
})
