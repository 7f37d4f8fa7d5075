import { describe, expect, it } from 'vitest'
import { asResult, TEST_NOW, testContext } from '../test-context.ts'
import { triggerSilence } from './silence.ts'

const run = async (params: unknown, trigger?: unknown) =>
  asResult(
    await triggerSilence.run({
      params: triggerSilence.params.parse(params),
      input: {},
      ctx: testContext({ trigger }),
    }),
  ).output

describe('trigger.silence', () => {
  it('outputs what the watcher passes', async () => {
    const fired = {
      silentSince: '2026-01-15T09:00:00.000Z',
      lastAlertAt: '2026-01-15T09:00:00.000Z',
      firedAt: '2026-01-15T09:30:00.000Z',
    }
    expect(await run({ source: 'wazuh', host: 'web-1', minutes: 30 }, fired)).toEqual({
      source: 'wazuh',
      host: 'web-1',
      minutes: 30,
      ...fired,
    })
  })

  it('uses the run start in a manual test run', async () => {
    const now = new Date(TEST_NOW).toISOString()
    expect(await run({ source: 'splunk', minutes: 5 })).toEqual({
      source: 'splunk',
      minutes: 5,
      silentSince: now,
      lastAlertAt: null,
      firedAt: now,
    })
  })

  it('needs a source and a positive number of minutes', () => {
    const bad = triggerSilence.params.safeParse({ source: '', minutes: 0 })
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['source', 'minutes'])
  })
})
