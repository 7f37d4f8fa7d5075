import { describe, expect, it } from 'vitest'
import { isLive, statusLabel, toneOf } from './status.ts'

describe('status', () => {
  it('gives each status a tone, unknown ones muted', () => {
    expect(toneOf('succeeded')).toBe('success')
    expect(toneOf('failed')).toBe('danger')
    expect(toneOf('waiting')).toBe('warning')
    expect(toneOf('running')).toBe('info')
    expect(toneOf('something-new')).toBe('muted')
    expect(['new', 'resolved', 'critical', 'low'].map(toneOf)).toEqual([
      'warning',
      'success',
      'danger',
      'info',
    ])
  })

  it('knows which runs can still change and writes statuses as words', () => {
    expect(['queued', 'running', 'waiting', 'succeeded'].map(isLive)).toEqual([true, true, true, false])
    expect(statusLabel('timed_out')).toBe('timed out')
  })
})
