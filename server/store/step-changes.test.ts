import { describe, expect, it } from 'vitest'
import type { RunEvent } from '../../runtime/engine/types.ts'
import { stepChanges } from './step-changes.ts'

const ev = (seq: number, body: Record<string, unknown>) =>
  ({ runId: 'r', seq, at: 100 + seq, ...body }) as RunEvent
const started = (seq: number, nodeId: string, attempt = 1) =>
  ev(seq, { type: 'node.started', nodeId, attempt })
const succeeded = (seq: number, nodeId: string, attempt = 1) =>
  ev(seq, { type: 'node.succeeded', nodeId, attempt, output: { v: nodeId }, ports: ['out'], durationMs: 2 })

describe('stepChanges', () => {
  it('merges a start and an end of one attempt into one write, as the upsert would apply them', () => {
    const changes = stepChanges(
      [ev(0, { type: 'run.started' }), started(1, 'a'), succeeded(2, 'a')],
      undefined,
    )
    expect(changes).toEqual([
      {
        kind: 'attempt',
        nodeId: 'a',
        attempt: 1,
        status: 'succeeded',
        from: undefined,
        output: '{"v":"a"}',
        error: null,
        startedAt: 101,
        finishedAt: 102,
      },
    ])
  })

  it('keeps separate attempts and nodes apart, in order', () => {
    const retrying = ev(2, { type: 'node.retrying', nodeId: 'a', attempt: 1, code: 'X', message: 'm' })
    const changes = stepChanges([started(1, 'a'), retrying, started(3, 'a', 2), started(4, 'b')], undefined)
    expect(changes.map((c) => c.kind === 'attempt' && [c.nodeId, c.attempt, c.status])).toEqual([
      ['a', 1, 'failed'],
      ['a', 2, 'running'],
      ['b', 1, 'running'],
    ])
  })

  it('does not merge across a change to the latest attempt (waiting, cancelled, log)', () => {
    const waiting = ev(2, { type: 'node.waiting', nodeId: 'a', wait: { kind: 'approval' } })
    const changes = stepChanges([started(1, 'a'), waiting, succeeded(3, 'a')], undefined)
    expect(changes.map((c) => [c.kind, c.status])).toEqual([
      ['attempt', 'running'],
      ['latest', 'waiting'],
      ['attempt', 'succeeded'],
    ])
  })
})
