import { afterEach, describe, expect, it } from 'vitest'
import type { RunEvent } from '../../runtime/engine/types.ts'
import { RunnerError } from './errors.ts'
import { e, n, node, playbook, runnerHarness, until } from './test-harness.ts'

let h: ReturnType<typeof runnerHarness> | undefined
afterEach(async () => {
  await h?.runner.stop()
  h?.cleanup()
  h = undefined
})

describe('runner', () => {
  it('runs a queued run and stores its events in order', async () => {
    h = runnerHarness()
    const pb = playbook(
      'enrich',
      [node('s', 'transform.set', { values: { seen: '{{ trigger.host }}' } }), n('x', 'side')],
      [e('start', 's'), e('s', 'x')],
    )
    const version = await h.publish(pb)
    const live: RunEvent[] = []
    h.bus.subscribeAll((ev) => live.push(ev))
    await h.runner.start()
    const runId = await h.runner.enqueueRun({
      playbookId: 'enrich',
      mode: 'production',
      trigger: { host: 'web-1' },
      requestedBy: 'webhook',
    })
    const run = await h.settled(runId)
    expect(run).toMatchObject({ status: 'succeeded', version, mode: 'production', createdBy: 'webhook' })
    const events = await h.stores.events.list(runId)
    expect(events.map((ev) => ev.seq)).toEqual(events.map((_, i) => i))
    expect(events[0]?.type).toBe('run.started')
    expect(events.at(-1)).toMatchObject({ type: 'run.finished', status: 'succeeded' })
    expect(
      events.filter((ev) => ev.type === 'node.succeeded').map((ev) => 'nodeId' in ev && ev.nodeId),
    ).toEqual(['start', 's', 'x'])
    expect(live.map((ev) => ev.seq)).toEqual(events.map((ev) => ev.seq))
    expect(run.steps.find((s) => s.nodeId === 's')?.output).toEqual({ seen: 'web-1' })
    expect(h.nodes.calls).toEqual(['side:x'])
    expect(h.finished).toMatchObject([{ runId, status: 'succeeded', mode: 'production' }])
    const audit = await h.stores.audit.list({ action: 'run.start' })
    expect(audit.items).toMatchObject([
      { actor: 'webhook', target: runId, details: { playbookId: 'enrich', version } },
    ])
  })

  it('never runs more than `concurrency` runs at once', async () => {
    h = runnerHarness({ concurrency: 2 })
    await h.publish(playbook('slow', [n('z', 'sleep', { ms: 40 })], [e('start', 'z')]))
    await h.runner.start()
    let maxActive = 0
    const ids: string[] = []
    for (let i = 0; i < 6; i++)
      ids.push(
        await h.runner.enqueueRun({
          playbookId: 'slow',
          mode: 'production',
          trigger: { i },
          requestedBy: 'x',
        }),
      )
    await until(async () => {
      maxActive = Math.max(maxActive, h!.runner.active)
      return (await h!.stores.runs.countByStatus()).succeeded === 6
    })
    expect(h.nodes.stats.maxInFlight).toBe(2)
    expect(maxActive).toBeLessThanOrEqual(2)
  })

  it('refuses a production run of a playbook that was never published', async () => {
    h = runnerHarness()
    await h.stores.playbooks.putDraft(playbook('draft-only', [n('x', 'side')], [e('start', 'x')]))
    await h.runner.start()
    const refused = h.runner.enqueueRun({
      playbookId: 'draft-only',
      mode: 'production',
      trigger: {},
      requestedBy: 'webhook',
    })
    await expect(refused).rejects.toThrow(RunnerError)
    await expect(refused).rejects.toMatchObject({
      code: 'NOT_PUBLISHED',
      message: expect.stringMatching(/published/),
    })
    expect((await h.stores.runs.list()).items).toEqual([])

    // A production row without a version (queued behind the runner's back) fails, never runs the draft.
    const sneaky = await h.queue.enqueue({ playbookId: 'draft-only', mode: 'production', trigger: {} })
    expect(await h.settled(sneaky.id)).toMatchObject({ status: 'failed', error: { code: 'NOT_PUBLISHED' } })
    expect(h.nodes.calls).toEqual([])

    // A test run may run the draft: the side effect is simulated.
    const test = await h.runner.enqueueRun({
      playbookId: 'draft-only',
      mode: 'test',
      trigger: {},
      requestedBy: 'alice',
    })
    const run = await h.settled(test)
    expect(run).toMatchObject({ status: 'succeeded', version: null })
    expect(run.steps.find((s) => s.nodeId === 'x')?.output).toEqual({ simulated: true })
    expect(h.nodes.calls).toEqual([])
  })

  it('refuses unknown playbooks and versions', async () => {
    h = runnerHarness()
    await h.publish(playbook('known', [], []))
    const ask = (playbookId: string, version?: number) =>
      h!.runner.enqueueRun({ playbookId, version, mode: 'production', trigger: {}, requestedBy: 'x' })
    await expect(ask('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(ask('known', 7)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(ask('known', 1)).resolves.toEqual(expect.any(String))
  })

  it('renews the lease of a long run, so the reaper of a shared queue leaves it alone', async () => {
    h = runnerHarness({ leaseMs: 60, exclusive: false })
    await h.publish(playbook('long', [node('pause', 'flow.delay', { ms: 250 })], [e('start', 'pause')]))
    await h.runner.start()
    const runId = await h.runner.enqueueRun({
      playbookId: 'long',
      mode: 'production',
      trigger: {},
      requestedBy: 'x',
    })
    expect(await h.settled(runId)).toMatchObject({ status: 'succeeded', claims: 1 })
  })
})
