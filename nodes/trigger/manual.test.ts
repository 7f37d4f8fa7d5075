import { describe, expect, it } from 'vitest'
import { asResult, testContext } from '../test-context.ts'
import { triggerManual } from './manual.ts'

const params = triggerManual.params.parse({
  fields: [
    { name: 'ip', type: 'string', required: true },
    { name: 'hours', type: 'number', default: 24 },
    { name: 'notify', type: 'boolean' },
    { name: 'action', type: 'enum', options: ['block', 'monitor'], required: true },
  ],
})

async function start(trigger: unknown) {
  return asResult(await triggerManual.run({ params, input: {}, ctx: testContext({ trigger }) })).output
}

describe('trigger.manual', () => {
  it('outputs the form input with defaults, dropping unknown fields', async () => {
    expect(await start({ ip: '203.0.113.9', action: 'block', extra: 'x' })).toEqual({
      ip: '203.0.113.9',
      action: 'block',
      hours: 24,
    })
  })

  it('fails with INVALID_INPUT naming every wrong field', async () => {
    const error = await start({ hours: 'many', action: 'delete' }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'INVALID_INPUT', retryable: false })
    expect((error as Error).message).toMatch(/ip: .*hours: .*action: /)
  })

  it('rejects forms with an enum without options or duplicate names', () => {
    expect(triggerManual.params.safeParse({ fields: [{ name: 'a', type: 'enum' }] }).success).toBe(false)
    const dup = triggerManual.params.safeParse({
      fields: [
        { name: 'a', type: 'string' },
        { name: 'a', type: 'number' },
      ],
    })
    expect(dup.error?.issues[0]?.message).toBe('duplicate field "a"')
  })
})
