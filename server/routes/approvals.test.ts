import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chain, createTestApp, node } from './test-app.ts'

type TestApp = Awaited<ReturnType<typeof createTestApp>>
let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
  const gate = node('gate', 'flow.approval', {
    message: 'Isolate the host?',
    approvers: { users: ['alice'], roles: [] },
  })
  await t.call('analyst', 'POST', '/api/playbooks', chain('pb-gate', [gate]))
})
afterAll(() => t.close())

async function waitingApproval() {
  const res = await t.call('analyst', 'POST', '/api/playbooks/pb-gate/runs', { event: {}, mode: 'test' })
  const { runId } = await res.json()
  await t.untilRun(runId, ['waiting'])
  for (let i = 0; i < 200; i++) {
    const [a] = await t.deps.stores.approvals.list({ runId })
    if (a) return { runId, approvalId: a.id }
    await new Promise((r) => setTimeout(r, 5))
  }
  throw new Error('no approval row')
}

describe('approvals', () => {
  it('lists pending approvals with a count, and lets only an allowed approver decide', async () => {
    const { runId, approvalId } = await waitingApproval()
    const inbox = await (await t.call('viewer', 'GET', '/api/approvals?status=pending')).json()
    expect(inbox.count).toBe(1)
    expect(inbox.items[0]).toMatchObject({ id: approvalId, runId, nodeId: 'gate', status: 'pending' })

    // A responder who is not among the gate's approvers: 403; an analyst lacks approval.decide: 403.
    const notListed = await t.call('responder', 'POST', `/api/approvals/${approvalId}`, {
      decision: 'approve',
    })
    expect(notListed.status).toBe(403)
    expect((await notListed.json()).error.code).toBe('FORBIDDEN')
    expect(
      (await t.call('analyst', 'POST', `/api/approvals/${approvalId}`, { decision: 'approve' })).status,
    ).toBe(403)
    expect(
      (await t.call('alice', 'POST', `/api/approvals/${approvalId}`, { decision: 'maybe' })).status,
    ).toBe(422)

    const ok = await t.call('alice', 'POST', `/api/approvals/${approvalId}`, {
      decision: 'approve',
      comment: 'go',
    })
    expect(ok.status).toBe(200)
    const body = await ok.json()
    expect(body.resolved).toBe(true)
    expect(body.approval.status).toBe('approved')
    expect(body.approval.decisions).toEqual([
      { actor: 'alice', decision: 'approve', comment: 'go', at: expect.any(Number) },
    ])
    const run = await t.untilRun(runId, ['succeeded'])
    expect(run.steps.find((s) => s.nodeId === 'gate')?.output).toMatchObject({
      decision: 'approve',
      by: 'alice',
    })

    const again = await t.call('alice', 'POST', `/api/approvals/${approvalId}`, { decision: 'reject' })
    expect(again.status).toBe(409)
    expect((await (await t.call('viewer', 'GET', '/api/approvals?status=pending')).json()).count).toBe(0)
    const audit = await t.deps.stores.audit.list({ action: 'approval.decide' })
    expect(audit.items[0]).toMatchObject({ actor: 'alice', target: approvalId })
  })

  it('cancelling a waiting run closes its approval: it leaves the pending inbox and cannot be decided', async () => {
    const { runId, approvalId } = await waitingApproval()
    const cancel = await t.call('responder', 'POST', `/api/runs/${runId}/cancel`)
    expect(await cancel.json()).toEqual({ status: 'cancelled' })
    const inbox = await (await t.call('viewer', 'GET', '/api/approvals?status=pending')).json()
    expect(inbox.items.map((a: { id: string }) => a.id)).not.toContain(approvalId)
    const closed = await (
      await t.call('viewer', 'GET', `/api/approvals?status=cancelled&runId=${runId}`)
    ).json()
    expect(closed.items).toMatchObject([
      { id: approvalId, status: 'cancelled', decidedAt: expect.any(Number) },
    ])
    const late = await t.call('alice', 'POST', `/api/approvals/${approvalId}`, { decision: 'approve' })
    expect(late.status).toBe(409)
  })

  it('a rejection settles the gate; unknown approvals are 404', async () => {
    const { runId, approvalId } = await waitingApproval()
    const res = await t.call('alice', 'POST', `/api/approvals/${approvalId}`, { decision: 'reject' })
    expect((await res.json()).approval.status).toBe('rejected')
    await t.untilRun(runId, ['succeeded', 'failed'])
    expect((await t.call('alice', 'POST', '/api/approvals/nope', { decision: 'approve' })).status).toBe(404)
    expect((await t.call('alice', 'POST', '/api/approvals/bad%20id', { decision: 'approve' })).status).toBe(
      422,
    )
  })
})
