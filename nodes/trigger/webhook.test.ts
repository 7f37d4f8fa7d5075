import { describe, expect, it } from 'vitest'
import { asResult, testContext } from '../test-context.ts'
import { triggerWebhook } from './webhook.ts'

describe('trigger.webhook', () => {
  it('outputs the posted payload unchanged on the out port', async () => {
    const payload = { event: 'push', items: [1, 2], nested: { ok: true } }
    const result = asResult(
      await triggerWebhook.run({ params: {}, input: {}, ctx: testContext({ trigger: payload }) }),
    )
    expect(result).toMatchObject({ output: payload, port: 'out' })
  })

  it('outputs null when the run has no payload', async () => {
    const ctx = testContext()
    ctx.trigger = undefined
    expect(asResult(await triggerWebhook.run({ params: {}, input: {}, ctx })).output).toBeNull()
  })
})
