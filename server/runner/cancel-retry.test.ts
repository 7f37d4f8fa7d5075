import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { defineNode, NodeError } from '../../runtime/node-type.ts'
import { e, n, node, playbook, runnerHarness, until } from './test-harness.ts'

let h: ReturnType<typeof runnerHarness> | undefined
afterEach(async () => {
  await h?.runner.stop()
  h?.cleanup()
  h = undefined
})

/** Fails on its first call, succeeds afterwards: the failure the analyst fixed before retrying. */
function flakyType() {
  let calls = 0
  const type = defineNode({
    type: 'test.flaky',
    version: 1,
    category: 'transform',
    title: 'Fails once',
    params: z.object({}),
    run() {
      calls++
      if (calls === 1) throw new NodeError('UPSTREAM_DOWN', 'the EDR API is down', { retryable: false })
      return { blocked: true }
    },
  })
  return { type, calls: () => calls }
}

describe('cancel', () => {
  it('aborts a running run: it ends cancelled', async () => {
    h = runnerHarness()
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
    await until(async () =>
      (await h!.stores.events.list(runId)).some((ev) => ev.type === 'node.started' && ev.nodeId === 'pause'),
    )
    expect(await h.runner.cancel(runId, { by: 'rita' })).toEqual({ status: 'cancelling' })
    const run = await h.settled(runId)
    expect(run.status).toBe('cancelled')
    expect(h.nodes.calls).toEqual([])
    expect((await h.stores.events.list(runId)).at(-1)).toMatchObject({
      type: 'run.finished',
      status: 'cancelled',
    })
    expect((await h.stores.audit.list({ action: 'run.cancel' })).items).toMatchObject([
      { actor: 'rita', target: runId },
    ])
    await expect(h.runner.cancel(runId, { by: 'rita' })).rejects.toMatchObject({ code: 'INVALID_STATE' })
  })

  it('cancels a queued run at once, with a final event for watchers', async () => {
    h = runnerHarness()
    await h.publish(playbook('q', [n('x', 'side')], [e('start', 'x')]))
    const runId = await h.runner.enqueueRun({
      playbookId: 'q',
      mode: 'production',
      trigger: {},
      requestedBy: 'x',
    })
    expect(await h.runner.cancel(runId, { by: 'rita' })).toEqual({ status: 'cancelled' })
    expect((await h.stores.runs.get(runId))?.status).toBe('cancelled')
    expect(await h.stores.events.list(runId)).toMatchObject([{ type: 'run.finished', status: 'cancelled' }])
    await h.runner.start()
    await new Promise((r) => setTimeout(r, 20))
    expect(h.nodes.calls).toEqual([])
    await expect(h.runner.cancel('nope', { by: 'rita' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})

describe('retry', () => {
  it('from a node: upstream outputs are reused, the side effect is not repeated, the failed node runs again', async () => {
    const flaky = flakyType()
    h = runnerHarness({ extraTypes: [flaky.type] })
    const pb = playbook(
      'contain',
      [
        n('x', 'side'),
        { id: 'block', type: 'test.flaky', version: 1, params: {} },
        node('report', 'transform.set', {
          values: { upstream: '{{ nodes.x.output.real }}', blocked: '{{ nodes.block.output.blocked }}' },
        }),
      ],
      [e('start', 'x'), e('x', 'block'), e('block', 'report')],
    )
    await h.publish(pb)
    await h.runner.start()
    const first = await h.runner.enqueueRun({
      playbookId: 'contain',
      mode: 'production',
      trigger: { host: 'h1' },
      requestedBy: 'x',
    })
    expect(await h.settled(first)).toMatchObject({ status: 'failed', error: { code: 'UPSTREAM_DOWN' } })
    expect(h.nodes.calls).toEqual(['side:x'])

    await expect(h.runner.retry(first, { by: 'rita', fromNode: 'nope' })).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
    })
    const second = await h.runner.retry(first, { by: 'rita', fromNode: 'block' })
    const run = await h.settled(second)
    expect(run).toMatchObject({
      status: 'succeeded',
      retryOfRunId: first,
      retryFromNode: 'block',
      version: 1,
      trigger: { host: 'h1' },
    })
    expect(h.nodes.calls).toEqual(['side:x'])
    expect(flaky.calls()).toBe(2)
    expect(run.state?.nodes.x).toMatchObject({ status: 'succeeded', output: { real: true } })
    expect(run.steps.map((s) => s.nodeId).sort()).toEqual(['block', 'report'])
    expect(run.steps.find((s) => s.nodeId === 'report')?.output).toEqual({ upstream: true, blocked: true })
    expect((await h.stores.audit.list({ action: 'run.retry' })).items).toMatchObject([
      { actor: 'rita', target: second, details: { retryOf: first, fromNode: 'block' } },
    ])
  })

  it('without a node: runs everything again, and only ended runs can be retried', async () => {
    h = runnerHarness()
    await h.publish(playbook('again', [n('x', 'side')], [e('start', 'x')]))
    const queued = await h.runner.enqueueRun({
      playbookId: 'again',
      mode: 'production',
      trigger: {},
      requestedBy: 'x',
    })
    await expect(h.runner.retry(queued, { by: 'rita' })).rejects.toMatchObject({ code: 'INVALID_STATE' })
    await h.runner.start()
    await h.settled(queued)
    const again = await h.runner.retry(queued, { by: 'rita' })
    expect(await h.settled(again)).toMatchObject({
      status: 'succeeded',
      retryOfRunId: queued,
      retryFromNode: null,
    })
    expect(h.nodes.calls).toEqual(['side:x', 'side:x'])
  })
  it('tells onRetry the new run id before the run is queued; a refusal there stops the retry', async () => {
    const told: { retryOf: string; runId: string; by: string; queued: boolean }[] = []
    let refuse = false
    h = runnerHarness({
      onRetry: async (retry) => {
        // Nothing may claim the run before the hook is done: it is not in the store yet.
        told.push({ ...retry, queued: (await h!.stores.runs.get(retry.runId)) !== undefined })
        if (refuse) throw new Error('the case store is read-only')
      },
    })
    await h.publish(playbook('hooked', [n('x', 'side')], [e('start', 'x')]))
    await h.runner.start()
    const first = await h.runner.enqueueRun({
      playbookId: 'hooked',
      mode: 'production',
      trigger: {},
      requestedBy: 'x',
    })
    await h.settled(first)
    const again = await h.runner.retry(first, { by: 'rita' })
    expect(told).toEqual([{ retryOf: first, runId: again, by: 'rita', queued: false }])
    await h.settled(again)

    refuse = true
    await expect(h.runner.retry(first, { by: 'rita' })).rejects.toThrow(/read-only/)
    expect(told).toHaveLength(2)
    expect(await h.stores.runs.get(told[1]!.runId)).toBeUndefined()
  })
})
