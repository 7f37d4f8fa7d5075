import { describe, expect, it } from 'vitest'
import { asResult, testContext } from '../test-context.ts'
import { conditionFilter } from './filter.ts'

async function filter(params: Record<string, unknown>) {
  const parsed = conditionFilter.params.parse(params)
  return asResult(await conditionFilter.run({ params: parsed, input: {}, ctx: testContext() })).output
}

const ips = [
  { value: '10.0.0.5', private: true, score: 0, tags: [] },
  { value: '185.220.101.4', private: false, score: 92, tags: ['tor'] },
  { value: '8.8.8.8', private: false, score: 3, tags: ['dns'] },
]

describe('condition.filter', () => {
  it('keeps the items matching all rules, reading fields as paths inside each item', async () => {
    const out = await filter({
      items: ips,
      rules: [
        { field: 'private', operator: 'equals', value: false },
        { field: 'score', operator: 'gte', value: 50 },
      ],
    })
    expect(out).toEqual({ items: [ips[1]], count: 1, dropped: 2 })
  })

  it('supports any-groups, array indexes and the item itself', async () => {
    const out = await filter({
      items: ips,
      combinator: 'any',
      rules: [
        { field: 'tags.0', operator: 'equals', value: 'dns' },
        { field: 'value', operator: 'in_cidr', value: '10.0.0.0/8' },
      ],
    })
    expect((out as { items: { value: string }[] }).items.map((i) => i.value)).toEqual(['10.0.0.5', '8.8.8.8'])
    const plain = await filter({
      items: ['a.exe', 'b.pdf'],
      rules: [{ field: '', operator: 'ends_with', value: '.exe' }],
    })
    expect(plain).toEqual({ items: ['a.exe'], count: 1, dropped: 1 })
  })

  it('treats a missing list as empty and refuses a non-list', async () => {
    expect(await filter({ rules: [] })).toEqual({ items: [], count: 0, dropped: 0 })
    await expect(filter({ items: 'nope', rules: [] })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
  })
})
