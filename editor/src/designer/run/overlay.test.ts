import { describe, expect, it } from 'vitest'
import { createEngine } from '../../../../runtime/engine/engine.ts'
import { e, n, pb, testNodes } from '../../../../runtime/engine/test-nodes.ts'
import type { RunEvent } from '../../../../runtime/engine/types.ts'
import type { Playbook } from '../../../../runtime/format/schema.ts'
import { applyEvents, emptyTrace, indexEdges, toOverlay } from './overlay.ts'

/** Runs a playbook on the real engine (test mode) and returns its run id and trace events. */
async function trace(playbook: Playbook) {
  const { registry } = testNodes()
  const events: RunEvent[] = []
  const result = await createEngine({ registry }).start(playbook, {
    mode: 'test',
    runId: 'r1',
    onEvent: (ev) => events.push(structuredClone(ev)),
  })
  return { events, result }
}

describe('the run overlay from trace events', () => {
  it('shows each node state, lights only the taken branch and keeps timings', async () => {
    const playbook = pb(
      [
        n('start'),
        n('check', 'ports', { ports: 'true' }),
        n('yes', 'sleep', { ms: 5 }),
        n('no'),
        n('act', 'side'),
      ],
      [e('start', 'check'), e('check', 'yes', 'true'), e('check', 'no', 'false'), e('yes', 'act')],
    )
    const { events } = await trace(playbook)
    const t = applyEvents(emptyTrace('r1'), events, indexEdges(playbook.edges))
    const overlay = toOverlay(t)
    expect(overlay.status).toBe('succeeded')
    expect(overlay.nodes.check).toMatchObject({ status: 'succeeded', port: 'true', attempt: 1 })
    expect(overlay.nodes.no?.status).toBe('skipped')
    expect(overlay.nodes.act?.status).toBe('simulated')
    expect(overlay.nodes.yes?.durationMs).toBeGreaterThanOrEqual(4)
    expect([...overlay.takenEdges].sort()).toEqual(['check:true->yes', 'start:out->check', 'yes:out->act'])
    expect(t.spans.map((s) => s.nodeId)).toEqual(['start', 'check', 'yes', 'act'])
    expect(t.spans.every((s) => s.end !== undefined && s.end >= s.start)).toBe(true)
  })

  it('shows running nodes while the run is under way, event by event', async () => {
    const playbook = pb([n('a'), n('b', 'sleep')], [e('a', 'b')])
    const { events } = await trace(playbook)
    const index = indexEdges(playbook.edges)
    const upToB = events.slice(
      0,
      events.findIndex((ev) => ev.type === 'node.started' && ev.nodeId === 'b') + 1,
    )
    const mid = applyEvents(emptyTrace('r1'), upToB, index)
    expect(mid.status).toBe('running')
    expect(mid.nodes.b?.status).toBe('running')
    expect(mid.spans.at(-1)?.end).toBeUndefined()
    const done = applyEvents(mid, events, index)
    expect(done.nodes.b?.status).toBe('succeeded')
    expect(mid.nodes.b?.status).toBe('running')
  })

  it('records the failure, its attempts and the error, and the run error', async () => {
    const playbook = pb(
      [n('a'), n('bad', 'fail', { code: 'HTTP_500', message: 'server error' }, { retry: { max: 1 } })],
      [e('a', 'bad')],
    )
    const { events } = await trace(playbook)
    const t = applyEvents(emptyTrace('r1'), events, indexEdges(playbook.edges))
    expect(t.nodes.bad).toMatchObject({
      status: 'failed',
      attempt: 2,
      error: { code: 'HTTP_500', message: 'server error' },
    })
    expect(t.spans.filter((s) => s.nodeId === 'bad').map((s) => [s.attempt, s.status])).toEqual([
      [1, 'failed'],
      [2, 'failed'],
    ])
    expect(t.status).toBe('failed')
    expect(t.error).toMatchObject({ code: 'HTTP_500', nodeId: 'bad' })
  })

  it('lights the error port of a node that fails with onError "error"', async () => {
    const playbook = pb(
      [n('bad', 'fail', { retryable: false }, { onError: 'error' }), n('handler'), n('next')],
      [e('bad', 'handler', 'error'), e('bad', 'next')],
    )
    const { events } = await trace(playbook)
    const t = applyEvents(emptyTrace('r1'), events, indexEdges(playbook.edges))
    expect(t.takenEdges).toEqual(['bad:error->handler'])
    expect(t.nodes.next?.status).toBe('skipped')
    expect(t.nodes.handler?.status).toBe('succeeded')
  })

  it('keeps a waiting node and its request, and a waiting run', async () => {
    const playbook = pb(
      [n('gate', 'approve', { question: 'block?' }), n('after')],
      [e('gate', 'after', 'approved')],
    )
    const { events } = await trace(playbook)
    const t = applyEvents(emptyTrace('r1'), events, indexEdges(playbook.edges))
    expect(t.status).toBe('waiting')
    expect(t.finishedAt).toBeUndefined()
    expect(t.nodes.gate).toMatchObject({ status: 'waiting', wait: { question: 'block?' } })
    expect(toOverlay(t).nodes.gate).toEqual({ status: 'waiting', attempt: 1 })
  })

  it('ignores repeated events (a replay after reconnecting) and events of other runs', async () => {
    const playbook = pb([n('a'), n('b')], [e('a', 'b')])
    const { events } = await trace(playbook)
    const index = indexEdges(playbook.edges)
    const once = applyEvents(emptyTrace('r1'), events, index)
    expect(applyEvents(once, events, index)).toBe(once)
    const twice = applyEvents(emptyTrace('r1'), [...events, ...events], index)
    expect(twice.spans).toEqual(once.spans)
    const other = events.map((ev) => ({ ...ev, runId: 'r2', seq: ev.seq + 100 }))
    expect(applyEvents(once, other, index)).toBe(once)
    expect(once.takenEdges).toEqual(['a:out->b'])
  })

  it('marks nodes that a cancel stopped', () => {
    const at = 1000
    const events: RunEvent[] = [
      { type: 'run.started', runId: 'r1', seq: 0, at, playbookId: 'p', mode: 'test' },
      { type: 'node.started', runId: 'r1', seq: 1, at, nodeId: 'slow', attempt: 1 },
      { type: 'node.cancelled', runId: 'r1', seq: 2, at: at + 50, nodeId: 'slow' },
      {
        type: 'run.finished',
        runId: 'r1',
        seq: 3,
        at: at + 50,
        status: 'cancelled',
        durationMs: 50,
        error: { code: 'CANCELLED', message: 'run cancelled' },
      },
    ]
    const t = applyEvents(emptyTrace('r1'), events, indexEdges([]))
    expect(t.nodes.slow?.status).toBe('cancelled')
    expect(t.spans).toEqual([{ nodeId: 'slow', attempt: 1, start: at, end: at + 50, status: 'cancelled' }])
    expect(t.status).toBe('cancelled')
  })
})
