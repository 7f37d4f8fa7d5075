import { describe, expect, it } from 'vitest'
import { asResult, testContext } from '../test-context.ts'
import { conditionIf } from './if.ts'

async function decide(params: Record<string, unknown>) {
  const parsed = conditionIf.params.parse(params)
  return asResult(await conditionIf.run({ params: parsed, input: {}, ctx: testContext() }))
}

describe('condition.if', () => {
  it('fires true when all rules hold, and lists the matching rules', async () => {
    const r = await decide({
      rules: [
        { field: 'high', operator: 'in_list', value: ['high', 'critical'], label: 'severe' },
        { field: 82, operator: 'gte', value: '70' },
        { field: '185.220.101.4', operator: 'in_cidr', value: ['185.220.100.0/22'] },
      ],
    })
    expect(r).toMatchObject({ port: 'true', output: { result: true, matched: ['severe', '1', '2'] } })
  })

  it('fires false when one rule of an all-group fails', async () => {
    const r = await decide({
      rules: [
        { field: 'low', operator: 'equals', value: 'high' },
        { field: 'x', operator: 'exists' },
      ],
    })
    expect(r).toMatchObject({ port: 'false', output: { result: false, matched: ['1'] } })
  })

  it('evaluates nested any/all groups', async () => {
    const params = {
      combinator: 'all',
      rules: [
        { field: 'bob@corp.example.com', operator: 'ends_with', value: '@corp.example.com' },
        {
          combinator: 'any',
          rules: [
            {
              field: 'Invoice overdue',
              operator: 'matches',
              value: '^(invoice|payment)\\b',
              ignoreCase: true,
            },
            { field: [], operator: 'is_not_empty' },
          ],
        },
      ],
    }
    expect(await decide(params)).toMatchObject({ port: 'true', output: { matched: ['0', '1.0'] } })
  })

  it('takes a resolved expression instead of rules', async () => {
    expect((await decide({ expression: true })).port).toBe('true')
    expect((await decide({ expression: 'false' })).port).toBe('false')
    await expect(decide({ expression: 'maybe' })).rejects.toMatchObject({ code: 'CONDITION_NOT_BOOLEAN' })
  })

  it('refuses catastrophic regexes, bad CIDRs and mixed rules + expression at params validation', () => {
    const evil = conditionIf.params.safeParse({
      rules: [{ field: 'a', operator: 'matches', value: '(a+)+$' }],
    })
    expect(evil.error?.issues[0]?.message).toMatch(/nested quantifier/)
    const cidr = conditionIf.params.safeParse({
      rules: [{ field: 'a', operator: 'in_cidr', value: '10.0.0.0/33' }],
    })
    expect(cidr.error?.issues[0]?.message).toMatch(/not a CIDR: 10.0.0.0\/33/)
    const both = conditionIf.params.safeParse({ expression: true, rules: [{ field: 1, operator: 'exists' }] })
    expect(both.success).toBe(false)
  })

  it('refuses groups nested too deep', () => {
    let group: Record<string, unknown> = { combinator: 'all', rules: [{ field: 1, operator: 'exists' }] }
    for (let i = 0; i < 9; i++) group = { combinator: 'all', rules: [group] }
    expect(conditionIf.params.safeParse({ rules: [group] }).error?.issues[0]?.message).toMatch(/nest deeper/)
  })
})
