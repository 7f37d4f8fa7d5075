import { describe, expect, it } from 'vitest'
import { failedNode, timelineRows } from './timeline.ts'

const step = (
  nodeId: string,
  status: string,
  startedAt: number | null,
  finishedAt: number | null,
  attempt = 1,
) => ({
  nodeId,
  status,
  attempt,
  startedAt,
  finishedAt,
})

describe('timelineRows', () => {
  it('places each step on the run’s time axis, in start order, unstarted steps last', () => {
    const steps = [
      step('skipped_one', 'skipped', null, null),
      step('vt', 'succeeded', 1_250, 1_750),
      step('alert', 'succeeded', 1_000, 1_250),
    ]
    const rows = timelineRows(steps, 1_000, 2_000, 9_999)
    expect(rows.map((r) => [r.step.nodeId, r.offset, r.width, r.durationMs])).toEqual([
      ['alert', 0, 0.25, 250],
      ['vt', 0.25, 0.5, 500],
      ['skipped_one', 0, 0, undefined],
    ])
  })

  it('lets a running step grow to now and keeps attempts apart', () => {
    const rows = timelineRows(
      [step('vt', 'failed', 0, 100, 1), step('vt', 'running', 200, null, 2)],
      0,
      null,
      400,
    )
    expect(rows.map((r) => [r.key, r.width])).toEqual([
      ['vt#1#0', 0.25],
      ['vt#2#1', 0.5],
    ])
  })

  it('never divides by zero', () => {
    expect(timelineRows([step('a', 'succeeded', 5, 5)], 5, 5, 5)[0]).toMatchObject({ offset: 0, width: 0 })
  })
})

describe('failedNode', () => {
  it('prefers the node named in the run’s error, else the last failed step', () => {
    expect(failedNode({ error: { nodeId: 'vt' } }, [])).toBe('vt')
    expect(
      failedNode({}, [
        step('a', 'failed', 0, 1),
        step('b', 'failed', 1, 2),
        step('c', 'skipped', null, null),
      ]),
    ).toBe('b')
    expect(failedNode({}, [step('a', 'succeeded', 0, 1)])).toBeUndefined()
  })
})
