import { describe, expect, it } from 'vitest'
import { asResult, TEST_NOW, testContext } from '../test-context.ts'
import { nextRuns, triggerSchedule } from './schedule.ts'

describe('trigger.schedule', () => {
  it('accepts a valid cron expression and time zone', () => {
    expect(triggerSchedule.params.parse({ cron: '*/15 * * * *' })).toEqual({
      cron: '*/15 * * * *',
      timezone: 'UTC',
    })
  })

  it('fails params validation with a clear message on a bad cron expression or time zone', () => {
    const bad = triggerSchedule.params.safeParse({ cron: '61 * * * *' })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues[0]).toMatchObject({
      path: ['cron'],
      message: expect.stringContaining('invalid cron expression "61 * * * *"'),
    })
    const tz = triggerSchedule.params.safeParse({ cron: '0 * * * *', timezone: 'Mars/Olympus' })
    expect(tz.error?.issues[0]).toMatchObject({
      path: ['timezone'],
      message: 'unknown time zone "Mars/Olympus"',
    })
  })

  it('computes the next runs in the given time zone', () => {
    const from = new Date('2026-01-15T10:00:00Z')
    const runs = nextRuns('0 9 * * 1-5', 'Europe/Berlin', from, 3).map((d) => d.toISOString())
    // 09:00 in Berlin is 08:00 UTC in winter; Jan 15 2026 is a Thursday, so Thu is past: Fri, Mon, Tue.
    expect(runs).toEqual(['2026-01-16T08:00:00.000Z', '2026-01-19T08:00:00.000Z', '2026-01-20T08:00:00.000Z'])
  })

  it('outputs scheduledAt and firedAt from the trigger, or the run start', async () => {
    const params = triggerSchedule.params.parse({ cron: '0 * * * *' })
    const trigger = { scheduledAt: '2026-01-15T09:00:00Z', firedAt: '2026-01-15T09:00:01.250Z' }
    const fired = asResult(await triggerSchedule.run({ params, input: {}, ctx: testContext({ trigger }) }))
    expect(fired.output).toEqual({
      scheduledAt: '2026-01-15T09:00:00.000Z',
      firedAt: '2026-01-15T09:00:01.250Z',
    })
    const manual = asResult(await triggerSchedule.run({ params, input: {}, ctx: testContext() }))
    const now = new Date(TEST_NOW).toISOString()
    expect(manual.output).toEqual({ scheduledAt: now, firedAt: now })
  })
})
