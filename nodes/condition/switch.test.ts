import { describe, expect, it } from 'vitest'
import { portsOf } from '../../runtime/node-type.ts'
import { asResult, testContext } from '../test-context.ts'
import { conditionSwitch } from './switch.ts'

const cases = [
  { port: 'critical', equals: 'critical' },
  { port: 'high', operator: 'in_list', value: ['high', 'severe'], ignoreCase: true },
  { port: 'scored', operator: 'gte', value: 70 },
]

async function route(value: unknown) {
  const params = conditionSwitch.params.parse({ value, cases })
  return asResult(await conditionSwitch.run({ params, input: {}, ctx: testContext() }))
}

describe('condition.switch', () => {
  it('derives its ports from the cases, plus default', () => {
    expect(portsOf(conditionSwitch, { cases })).toEqual(['critical', 'high', 'scored', 'default'])
    expect(portsOf(conditionSwitch, {})).toEqual(['default'])
  })

  it('fires the first matching case', async () => {
    expect((await route('critical')).port).toBe('critical')
    expect((await route('HIGH')).port).toBe('high')
    expect(await route(88)).toMatchObject({ port: 'scored', output: { value: 88, port: 'scored' } })
  })

  it('fires default when no case matches', async () => {
    expect((await route('low')).port).toBe('default')
  })

  it('refuses duplicate ports, the reserved default port and cases without a test', () => {
    const dup = conditionSwitch.params.safeParse({
      value: 1,
      cases: [
        { port: 'a', equals: 1 },
        { port: 'a', equals: 2 },
      ],
    })
    expect(dup.error?.issues[0]?.message).toBe('duplicate port "a"')
    expect(
      conditionSwitch.params.safeParse({ value: 1, cases: [{ port: 'default', equals: 1 }] }).success,
    ).toBe(false)
    expect(conditionSwitch.params.safeParse({ value: 1, cases: [{ port: 'a' }] }).success).toBe(false)
    expect(
      conditionSwitch.params.safeParse({
        value: 1,
        cases: [{ port: 'a', operator: 'matches', value: '(x*)*' }],
      }).success,
    ).toBe(false)
  })
})
