import { afterEach, describe, expect, it } from 'vitest'
import { e, n, node, playbook, runnerHarness, until } from './test-harness.ts'

let h: ReturnType<typeof runnerHarness> | undefined
afterEach(() => {
  h?.cleanup()
  h = undefined
})

describe('restart recovery', () => {
  it('after a crash: the running run recovers without repeating its in-flight side effect, queued and waiting runs go on', async () => {
    h = runnerHarness({ concurrency: 1, onError: () => {} })
    await h.publish(
      playbook(
        'crashy',
        [
          { ...n('x', 'side', { ms: 60_000 }), onError: 'continue' },
          node('after', 'transform.set', { values: { done: true } }),
        ],
        [e('start', 'x'), e('x', 'after')],
      ),
    )
    await h.publish(playbook('quick', [n('q', 'side')], [e('start', 'q')]))
    await h.publish(
      playbook(
        'gated',
        [node('gate', 'flow.approval', { message: 'ok?', approvers: { users: ['rita'], roles: [] } })],
        [e('start', 'gate')],
      ),
    )
    const a = h.runner
    await a.start()
    const waiting = await a.enqueueRun({
      playbookId: 'gated',
      mode: 'production',
      trigger: {},
      requestedBy: 'x',
    })
    await h.settled(waiting, ['waiting'])
    const crashing = await a.enqueueRun({
      playbookId: 'crashy',
      mode: 'production',
      trigger: {},
      requestedBy: 'x',
    })
    await until(async () => (await h!.stores.runs.get(crashing))?.state?.nodes.x?.status === 'running')
    const queued = await a.enqueueRun({
      playbookId: 'quick',
      mode: 'production',
      trigger: {},
      requestedBy: 'x',
    })
    expect(h.nodes.calls).toEqual(['side:x'])

    // The crash: the process's database connection is gone mid-run; nothing more is written.
    h.db.close()
    const b = h.restart()
    await b.runner.start()
    try {
      await until(async () => (await b.stores.runs.get(crashing))?.status === 'succeeded')
      const recovered = (await b.stores.runs.get(crashing))!
      expect(recovered.claims).toBe(2)
      const x = recovered.steps.find((s) => s.nodeId === 'x')
      expect(x?.error).toMatchObject({ code: 'INTERRUPTED' })
      expect(recovered.steps.find((s) => s.nodeId === 'after')?.status).toBe('succeeded')

      await until(async () => (await b.stores.runs.get(queued))?.status === 'succeeded')
      expect(h.nodes.calls.sort()).toEqual(['side:q', 'side:x'])

      expect((await b.stores.runs.get(waiting))?.status).toBe('waiting')
      const [approval] = await b.stores.approvals.list({ runId: waiting })
      await b.runner.decide(approval!.id, { decision: 'approve', by: 'rita' })
      await until(async () => (await b.stores.runs.get(waiting))?.status === 'succeeded')
    } finally {
      await b.runner.stop()
      await a.stop().catch(() => {})
    }
  })

  it('a graceful stop detaches a long run and a new runner finishes it', async () => {
    h = runnerHarness({ drainMs: 20 })
    await h.publish(
      playbook(
        'long',
        [node('pause', 'flow.delay', { ms: 300 }), n('x', 'side')],
        [e('start', 'pause'), e('pause', 'x')],
      ),
    )
    await h.runner.start()
    const runId = await h.runner.enqueueRun({
      playbookId: 'long',
      mode: 'production',
      trigger: {},
      requestedBy: 'x',
    })
    await until(async () => (await h!.stores.runs.get(runId))?.state?.nodes.pause?.status === 'running')
    await h.runner.stop()
    const stopped = await h.stores.runs.get(runId)
    expect(stopped).toMatchObject({ status: 'running' })
    expect(stopped?.claimedUntil).toBeLessThanOrEqual(Date.now())

    const b = h.restart()
    await b.runner.start()
    try {
      await until(async () => (await b.stores.runs.get(runId))?.status === 'succeeded')
      expect(h.nodes.calls).toEqual(['side:x'])
    } finally {
      await b.runner.stop()
    }
  })
})
