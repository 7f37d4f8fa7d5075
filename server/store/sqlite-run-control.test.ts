import { afterEach, describe, expect, it } from 'vitest'
import { tempDatabase } from '../db/test-db.ts'
import { createSqliteApprovalStore } from './sqlite-approval-store.ts'
import { createSqliteRunStore } from './sqlite-run-store.ts'
import { testDeps } from './test-clock.ts'

let t: ReturnType<typeof tempDatabase> | undefined
afterEach(() => t?.cleanup())

function setup() {
  t = tempDatabase()
  const deps = testDeps()
  return { deps, runs: createSqliteRunStore(t.db, deps), approvals: createSqliteApprovalStore(t.db, deps) }
}

describe('run control in the store', () => {
  it('keeps a test run simulate options, and none for a production run', async () => {
    const { runs } = setup()
    const simulate = { external: true, mocks: { vt: { output: { score: 0 }, port: 'clean' } } }
    const test = await runs.enqueue({ playbookId: 'p', mode: 'test', trigger: {}, simulate })
    expect(test.simulate).toEqual(simulate)
    expect((await runs.claim('w', 1000))?.simulate).toEqual(simulate)
    const prod = await runs.enqueue({
      playbookId: 'p',
      mode: 'production',
      version: 1,
      trigger: {},
      simulate,
    })
    expect(prod.simulate).toBeUndefined()
    expect((await runs.get(test.id))?.simulate).toEqual(simulate)
  })

  it('records a cancel request on a running run; its owner hears it at renewal', async () => {
    const { runs, deps } = setup()
    const run = await runs.enqueue({ playbookId: 'p', mode: 'test', trigger: {} })
    expect(await runs.requestCancel(run.id, deps.now())).toBe(false) // queued: cancelIdle's job
    await runs.claim('w1', 1000)
    expect(await runs.renewLease(run.id, 'w1', 1000)).toBe('held')
    expect(await runs.requestCancel(run.id, deps.now())).toBe(true)
    deps.advance(5)
    expect(await runs.requestCancel(run.id, deps.now())).toBe(true)
    expect((await runs.get(run.id))?.cancelRequestedAt).toBe(deps.now() - 5)
    expect(await runs.renewLease(run.id, 'w2', 1000)).toBe('lost')
    expect(await runs.renewLease(run.id, 'w1', 1000)).toBe('cancel-requested')
    // Requeued after its worker died, the request stays for the next owner.
    expect(await runs.requeueStale(0, { ignoreLeases: true })).toEqual([run.id])
    expect((await runs.claim('w2', 1000))?.cancelRequestedAt).toBe(deps.now() - 5)
  })

  it("closes a run's pending approvals only, out of the pending inbox", async () => {
    const { runs, approvals } = setup()
    const a = await runs.enqueue({ playbookId: 'p', mode: 'test', trigger: {} })
    const b = await runs.enqueue({ playbookId: 'p', mode: 'test', trigger: {} })
    const open = await approvals.create({ runId: a.id, nodeId: 'gate', request: {} })
    const done = await approvals.create({ runId: a.id, nodeId: 'gate2', request: {} })
    await approvals.decide(done.id, { actor: 'rita', decision: 'approve' })
    const other = await approvals.create({ runId: b.id, nodeId: 'gate', request: {} })
    const closed = await approvals.closeForRun(a.id, 'cancelled')
    expect(closed.map((x) => [x.id, x.status])).toEqual([[open.id, 'cancelled']])
    expect((await approvals.list({ status: 'pending' })).map((x) => x.id)).toEqual([other.id])
    expect((await approvals.get(done.id))?.status).toBe('approved')
    await expect(approvals.decide(open.id, { actor: 'rita', decision: 'approve' })).rejects.toMatchObject({
      code: 'INVALID_STATE',
    })
    expect(await approvals.closeForRun(a.id, 'cancelled')).toEqual([])
  })
})
