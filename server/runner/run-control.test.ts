import { afterEach, describe, expect, it } from 'vitest'
import { e, n, node, playbook, runnerHarness, until } from './test-harness.ts'

let h: ReturnType<typeof runnerHarness> | undefined
afterEach(async () => {
  await h?.runner.stop()
  h?.cleanup()
  h = undefined
})

const gate = (id: string) => node(id, 'flow.approval', { message: 'Go?', approvers: { users: ['rita'] } })

async function pendingOf(runId: string) {
  return (await h!.stores.approvals.list({ runId })).filter((a) => a.status === 'pending')
}

describe('cancel across processes', () => {
  it('a run executing on another worker is cancelled at that worker’s next lease renewal', async () => {
    h = runnerHarness({ leaseMs: 300, workerId: 'worker-a' })
    await h.publish(
      playbook(
        'sleepy',
        [node('pause', 'flow.delay', { ms: 60_000 }), n('x', 'side')],
        [e('start', 'pause'), e('pause', 'x')],
      ),
    )
    await h.runner.start()
    const runId = await h.runner.enqueueRun({
      playbookId: 'sleepy',
      mode: 'production',
      trigger: {},
      requestedBy: 'x',
    })
    await h.settled(runId, ['running'])
    await until(
      async () => (await h!.stores.runs.get(runId))?.steps.some((s) => s.nodeId === 'pause') ?? false,
    )
    // A second process on the same file (its runner not started: it only serves the API).
    const other = h.restart({ workerId: 'worker-b' })
    expect(await other.runner.cancel(runId, { by: 'rita' })).toEqual({ status: 'cancelling' })
    expect((await other.stores.runs.get(runId))?.cancelRequestedAt).toEqual(expect.any(Number))
    const run = await h.settled(runId)
    expect(run).toMatchObject({ status: 'cancelled', claimedBy: null })
    expect(h.nodes.calls).toEqual([])
    expect((await h.stores.events.list(runId)).at(-1)).toMatchObject({
      type: 'run.finished',
      status: 'cancelled',
    })
    expect(h.finished).toMatchObject([{ runId, status: 'cancelled' }])
    expect((await h.stores.audit.list({ action: 'run.cancel' })).items).toMatchObject([
      { actor: 'rita', target: runId, details: { status: 'cancelling' } },
    ])
  })
})

describe('a cancel asked before a crash', () => {
  it('is honoured by the worker that claims the run next', async () => {
    h = runnerHarness()
    await h.publish(playbook('q', [n('x', 'side')], [e('start', 'x')]))
    const runId = await h.runner.enqueueRun({
      playbookId: 'q',
      mode: 'production',
      trigger: {},
      requestedBy: 'x',
    })
    // As left by a worker that died after the request: requeued, with the request kept.
    h.db.sqlite.prepare('UPDATE runs SET cancel_requested_at = 1 WHERE id = ?').run(runId)
    await h.runner.start()
    expect(await h.settled(runId)).toMatchObject({ status: 'cancelled' })
    expect(h.nodes.calls).toEqual([])
  })
})

describe('approvals of ended runs', () => {
  it('are closed when a waiting run is cancelled', async () => {
    h = runnerHarness()
    await h.publish(playbook('gated', [gate('gate')], [e('start', 'gate')]))
    await h.runner.start()
    const runId = await h.runner.enqueueRun({
      playbookId: 'gated',
      mode: 'production',
      trigger: {},
      requestedBy: 'x',
    })
    await h.settled(runId, ['waiting'])
    await until(async () => (await pendingOf(runId)).length === 1)
    expect(await h.runner.cancel(runId, { by: 'rita' })).toEqual({ status: 'cancelled' })
    expect(await pendingOf(runId)).toEqual([])
    expect((await h.stores.approvals.list({ runId }))[0]).toMatchObject({ status: 'cancelled' })
    expect(await h.stores.approvals.list({ status: 'pending' })).toEqual([])
  })

  it('are closed when the run ends while a gate is open', async () => {
    h = runnerHarness()
    await h.publish(
      playbook(
        'split',
        [gate('gate'), n('late', 'sleep', { ms: 50 }), n('boom', 'fail', { retryable: false })],
        [e('start', 'gate'), e('start', 'late'), e('late', 'boom')],
      ),
    )
    await h.runner.start()
    const runId = await h.runner.enqueueRun({
      playbookId: 'split',
      mode: 'production',
      trigger: {},
      requestedBy: 'x',
    })
    expect(await h.settled(runId)).toMatchObject({ status: 'failed' })
    await until(async () => (await h!.stores.approvals.list({ runId })).length === 1)
    expect(await pendingOf(runId)).toEqual([])
    expect((await h.stores.approvals.list({ runId }))[0]).toMatchObject({ status: 'cancelled' })
  })
})

describe('test runs', () => {
  it('carry simulate options to the engine; production runs refuse them', async () => {
    h = runnerHarness()
    await h.publish(
      playbook(
        'sim',
        [n('lookup', 'echo', { value: 'real' }), n('x', 'side')],
        [e('start', 'lookup'), e('lookup', 'x')],
      ),
    )
    await h.runner.start()
    const simulate = { mocks: { lookup: { output: { verdict: 'mocked' } } } }
    const runId = await h.runner.enqueueRun({
      playbookId: 'sim',
      mode: 'test',
      trigger: {},
      requestedBy: 'ana',
      simulate,
    })
    const run = await h.settled(runId)
    expect(run).toMatchObject({ status: 'succeeded', simulate })
    const steps = Object.fromEntries(run.steps.map((s) => [s.nodeId, s]))
    expect(steps.lookup).toMatchObject({ output: { verdict: 'mocked' }, input: { start: expect.anything() } })
    expect(steps.x).toMatchObject({ output: { simulated: true }, input: { lookup: { verdict: 'mocked' } } })
    expect(h.nodes.calls).toEqual([])
    // A retry keeps simulating.
    const again = await h.settled(await h.runner.retry(runId, { by: 'ana' }))
    expect(again).toMatchObject({ status: 'succeeded', simulate })
    await expect(
      h.runner.enqueueRun({ playbookId: 'sim', mode: 'production', trigger: {}, requestedBy: 'x', simulate }),
    ).rejects.toMatchObject({ code: 'INVALID_REQUEST' })
  })
})
