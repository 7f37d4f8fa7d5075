import { describe, expect, it } from 'vitest'
import { describeEntry, type TimelineEntry, timelineRows } from './case-timeline.ts'

const entry = (id: number, kind: string, details: unknown = {}, actor = 'webhook'): TimelineEntry => ({
  id,
  at: 1000 * id,
  actor,
  kind,
  details,
})

describe('describeEntry', () => {
  it('puts each kind of change in words', () => {
    expect(describeEntry(entry(1, 'opened', { alertId: 'a1' }))).toBe('Opened by an alert')
    expect(describeEntry(entry(1, 'opened', { runId: 'r1' }))).toBe('Opened by a run')
    expect(describeEntry(entry(1, 'status', { from: 'new', to: 'acknowledged' }))).toBe(
      'Status: new → acknowledged',
    )
    expect(describeEntry(entry(1, 'disposition', { from: null, to: 'false_positive' }))).toBe(
      'Disposition: none → false positive',
    )
    expect(describeEntry(entry(1, 'tags', { from: [], to: ['vip', 'okta'] }))).toBe('Tags: none → vip, okta')
    expect(describeEntry(entry(1, 'comment', { text: 'on it' }))).toBe('Comment: on it')
    expect(describeEntry(entry(1, 'contained', { runId: 'r1', nodeId: 'isolate' }))).toBe(
      'Contained by step isolate of run r1',
    )
    expect(describeEntry(entry(1, 'run.retried', { runId: 'r2', retryOf: 'r1' }))).toBe(
      'Run r1 retried as run r2',
    )
    expect(describeEntry(entry(1, 'grouping.closed', { reason: 'window', windowMinutes: 60 }))).toBe(
      'Stopped taking alerts: none for 60 min',
    )
    expect(describeEntry(entry(1, 'something.new', null))).toBe('something.new')
  })
})

describe('timelineRows', () => {
  it('folds a run of alerts joining into one row spanning its first and last moment', () => {
    const rows = timelineRows([
      entry(1, 'opened', { alertId: 'a1' }),
      entry(2, 'alert'),
      entry(3, 'alert'),
      entry(4, 'alert'),
      entry(5, 'status', { from: 'new', to: 'acknowledged' }, 'ana'),
      entry(6, 'alert'),
    ])
    expect(rows.map((r) => r.text)).toEqual([
      'Opened by an alert',
      '3 alerts joined',
      'Status: new → acknowledged',
      'An alert joined',
    ])
    expect(rows[1]).toMatchObject({ id: 2, at: 2000, until: 4000 })
    expect(rows[2]?.actor).toBe('ana')
  })
})
