import { afterEach, describe, expect, it } from 'vitest'
import { tempDatabase } from '../db/test-db.ts'
import { createSqliteApprovalStore } from './sqlite-approval-store.ts'
import { createSqliteRunStore } from './sqlite-run-store.ts'
import { testDeps } from './test-clock.ts'

let t: ReturnType<typeof tempDatabase> | undefined
afterEach(() => t?.cleanup())

async function setup() {
  t = tempDatabase()
  const deps = testDeps()
  const run = await createSqliteRunStore(t.db, deps).enqueue({ playbookId: 'p', mode: 'test', trigger: {} })
  return { deps, run, store: createSqliteApprovalStore(t.db, deps) }
}

describe('SqliteApprovalStore', () => {
  it('reaches a quorum of two once; one actor counts once', async () => {
    const { store, run } = await setup()
    const a = await store.create({
      runId: run.id,
      nodeId: 'gate',
      request: { question: 'Isolate?' },
      required: 2,
    })
    expect((await store.decide(a.id, { actor: 'rita', decision: 'approve', comment: 'ok' })).resolved).toBe(
      false,
    )
    await expect(store.decide(a.id, { actor: 'rita', decision: 'approve' })).rejects.toMatchObject({
      code: 'CONFLICT',
    })
    const done = await store.decide(a.id, { actor: 'sam', decision: 'approve' })
    expect(done).toMatchObject({ resolved: true, approval: { status: 'approved' } })
    expect(done.approval.decisions.map((d) => d.actor)).toEqual(['rita', 'sam'])
    await expect(store.decide(a.id, { actor: 'tom', decision: 'reject' })).rejects.toMatchObject({
      code: 'INVALID_STATE',
    })
    await expect(store.decide('nope', { actor: 'tom', decision: 'reject' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
  })

  it('one rejection rejects; timeouts expire pending approvals only', async () => {
    const { store, run, deps } = await setup()
    const r = await store.create({ runId: run.id, nodeId: 'a', request: {}, required: 3 })
    expect((await store.decide(r.id, { actor: 'x', decision: 'reject' })).approval.status).toBe('rejected')
    const late = await store.create({ runId: run.id, nodeId: 'b', request: {}, timeoutAt: deps.now() + 100 })
    await store.create({ runId: run.id, nodeId: 'c', request: {}, timeoutAt: deps.now() + 500 })
    expect(await store.nextTimeout()).toBe(deps.now() + 100)
    const expired = await store.expire(deps.now() + 100)
    expect(expired.map((a) => [a.id, a.status])).toEqual([[late.id, 'timed_out']])
    expect((await store.list({ status: 'pending' })).map((a) => a.nodeId)).toEqual(['c'])
    expect(await store.nextTimeout()).toBe(deps.now() + 500)
  })
})
