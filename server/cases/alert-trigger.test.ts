import { describe, expect, it } from 'vitest'
import { alertTriggerOf } from './alert-trigger.ts'

const doc = (...nodes: { type: string; params?: unknown }[]) =>
  JSON.stringify({ nodes: nodes.map((n, i) => ({ id: `n${i}`, version: 1, ...n })) })

describe('alertTriggerOf', () => {
  it('reads format and grouping from the first alert or webhook trigger, with defaults', () => {
    const grouping = { key: '{{ trigger.host }}' }
    expect(alertTriggerOf(doc({ type: 'trigger.alert', params: { format: 'wazuh', grouping } }))).toEqual({
      format: 'wazuh',
      grouping: { key: '{{ trigger.host }}', windowMinutes: 60, rerun: false },
    })
    expect(alertTriggerOf(doc({ type: 'trigger.webhook', params: {} }))).toEqual({ format: 'auto' })
  })

  it('falls back to auto without grouping on params it cannot read, and ignores other triggers', () => {
    expect(alertTriggerOf(doc({ type: 'trigger.alert', params: { format: '{{ vars.f }}' } }))).toEqual({
      format: 'auto',
    })
    expect(alertTriggerOf(doc({ type: 'trigger.schedule', params: { cron: '* * * * *' } }))).toBeUndefined()
  })
})
