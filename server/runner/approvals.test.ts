import { afterEach, describe, expect, it } from 'vitest'
import { manualClock } from '../../runtime/engine/test-nodes.ts'
import { e, node, playbook, runnerHarness, until } from './test-harness.ts'

let h: ReturnType<typeof runnerHarness> | undefined
afterEach(async () => {
  await h?.runner.stop()
  h?.cleanup()
  h = undefined
})

/** start → gate (flow.approval) → ok | no | late, each a transform.set. */
function gated(id: string, params: Record<string, unknown>) {
  return playbook(
    id,
    [
      node('gate', 'flow.approval', { message: 'Isolate {{ trigger.host }}?', ...params }),
      node('ok', 'transform.set', { values: { isolated: true } }),
      node('no', 'transform.set', { values: { isolated: false } }),
      node('late', 'transform.set', { values: { escalate: true } }),
    ],
    [
      e('start', 'gate'),
      e('gate', 'ok', 'approved'),
      e('gate', 'no', 'rejected'),
      e('gate', 'late', 'timeout'),
    ],
  )
}

async function waitingApproval(runId: string) {
  await h!.settled(runId, ['waiting'])
  await until(async () => (await h!.stores.approvals.list({ runId })).length > 0)
  return (await h!.stores.approvals.list({ runId }))[0]!
}

describe('approvals', () => {
  it('waits, refuses a non-approver, and completes on the approved port', async () => {
    h = runnerHarness()
    await h.publish(gated('iso', { approvers: { users: ['rita'], roles: [] } }))
    await h.runner.start()
    const runId = await h.runner.enqueueRun({
      playbookId: 'iso',
      mode: 'production',
      trigger: { host: 'pc-7' },
      requestedBy: 'x',
    })
    const approval = await waitingApproval(runId)
    expect(approval).toMatchObject({
      nodeId: 'gate',
      status: 'pending',
      required: 1,
      request: { kind: 'approval', message: 'Isolate pc-7?', approvers: { users: ['rita'] } },
    })
    expect(approval.timeoutAt).toBeGreaterThan(Date.now())

    await expect(
      h.runner.decide(approval.id, { decision: 'approve', by: 'bob', role: 'responder' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect((await h.stores.approvals.get(approval.id))?.decisions).toEqual([])

    const res = await h.runner.decide(approval.id, { decision: 'approve', by: 'rita', comment: 'go' })
    expect(res).toMatchObject({ resolved: true, approval: { status: 'approved' } })
    const run = await h.settled(runId)
    expect(run.status).toBe('succeeded')
    const steps = Object.fromEntries(run.steps.map((s) => [s.nodeId, s]))
    expect(steps.gate?.output).toMatchObject({ decision: 'approve', by: 'rita', comment: 'go' })
    expect(steps.ok?.status).toBe('succeeded')
    expect(steps.no?.status).toBe('skipped')
    expect(run.state?.nodes.gate?.ports).toEqual(['approved'])
    const audit = await h.stores.audit.list({ action: 'approval.decide' })
    expect(audit.items).toMatchObject([
      { actor: 'rita', target: approval.id, details: { decision: 'approve' } },
    ])
    await expect(h.runner.decide(approval.id, { decision: 'reject', by: 'rita' })).rejects.toMatchObject({
      code: 'INVALID_STATE',
    })
  })

  it('needs two distinct approvers for a quorum of two', async () => {
    h = runnerHarness()
    await h.publish(gated('quorum', { approvers: { users: [], roles: ['responder'] }, required: 2 }))
    await h.runner.start()
    const runId = await h.runner.enqueueRun({
      playbookId: 'quorum',
      mode: 'production',
      trigger: { host: 'h' },
      requestedBy: 'x',
    })
    const approval = await waitingApproval(runId)
    expect(approval.required).toBe(2)

    const first = await h.runner.decide(approval.id, { decision: 'approve', by: 'rita', role: 'responder' })
    expect(first).toMatchObject({ resolved: false, approval: { status: 'pending' } })
    await expect(
      h.runner.decide(approval.id, { decision: 'approve', by: 'rita', role: 'responder' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' })
    await new Promise((r) => setTimeout(r, 20))
    expect((await h.stores.runs.get(runId))?.status).toBe('waiting')

    const second = await h.runner.decide(approval.id, { decision: 'approve', by: 'sam', role: 'responder' })
    expect(second.resolved).toBe(true)
    const run = await h.settled(runId)
    const gate = run.steps.find((s) => s.nodeId === 'gate')
    expect(gate?.output).toMatchObject({
      decision: 'approve',
      by: 'sam',
      approvals: [{ by: 'rita' }, { by: 'sam' }],
    })
    expect(run.steps.find((s) => s.nodeId === 'ok')?.status).toBe('succeeded')
  })

  it('one rejection rejects', async () => {
    h = runnerHarness()
    await h.publish(gated('rej', { approvers: { users: ['rita', 'sam'], roles: [] }, required: 2 }))
    await h.runner.start()
    const runId = await h.runner.enqueueRun({
      playbookId: 'rej',
      mode: 'production',
      trigger: {},
      requestedBy: 'x',
    })
    const approval = await waitingApproval(runId)
    await h.runner.decide(approval.id, { decision: 'approve', by: 'rita' })
    await h.runner.decide(approval.id, { decision: 'reject', by: 'sam', comment: 'false positive' })
    const run = await h.settled(runId)
    expect(run.steps.find((s) => s.nodeId === 'gate')?.output).toMatchObject({
      decision: 'reject',
      by: 'sam',
      comment: 'false positive',
      approvals: [{ by: 'rita' }],
    })
    expect(run.state?.nodes.gate?.ports).toEqual(['rejected'])
  })

  it('times out on the timeout port when nobody decides', async () => {
    const clock = manualClock(Date.now())
    h = runnerHarness({ clock })
    await h.publish(gated('slowpoke', { approvers: { users: ['rita'], roles: [] }, timeoutMs: 60_000 }))
    await h.runner.start()
    const runId = await h.runner.enqueueRun({
      playbookId: 'slowpoke',
      mode: 'production',
      trigger: {},
      requestedBy: 'x',
    })
    const approval = await waitingApproval(runId)
    expect(approval.timeoutAt).toBe(clock.now() + 60_000)

    await clock.advance(59_000)
    expect((await h.stores.approvals.get(approval.id))?.status).toBe('pending')
    await clock.advance(1_000)
    const run = await h.settled(runId)
    expect(run.status).toBe('succeeded')
    expect(run.state?.nodes.gate?.ports).toEqual(['timeout'])
    expect(run.steps.find((s) => s.nodeId === 'late')?.status).toBe('succeeded')
    expect((await h.stores.approvals.get(approval.id))?.status).toBe('timed_out')
    expect((await h.stores.audit.list({ action: 'approval.timeout' })).items).toHaveLength(1)
  })
})
