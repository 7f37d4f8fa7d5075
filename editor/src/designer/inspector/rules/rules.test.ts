import { describe, expect, it } from 'vitest'
import { conditionIf } from '../../../../../nodes/condition/if.ts'
import { conditionSwitch } from '../../../../../nodes/condition/switch.ts'
import { phishingPlaybook } from '../test-fixtures.ts'
import {
  expressionText,
  isExpressionMode,
  readGroup,
  toExpressionMode,
  toRulesMode,
  writeGroup,
} from './condition-params.ts'
import { convertValue, OPERATOR_LABELS, OPERATORS, valueFromText, valueKind } from './operators.ts'
import {
  appendAt,
  isGroup,
  newGroup,
  newRule,
  type Rule,
  removeAt,
  updateAt,
  withOperator,
} from './rule-tree.ts'
import { caseWithOperator, newCase, readCase, writeCase } from './switch-cases.ts'

const ifParams = (id: string) => phishingPlaybook().nodes.find((n) => n.id === id)!.params

describe('operators', () => {
  it('labels every operator the rules support', () => {
    expect(Object.keys(OPERATOR_LABELS).sort()).toEqual([...OPERATORS].sort())
  })

  it('chooses the value input per operator', () => {
    expect(valueKind('exists')).toBe('none')
    expect(valueKind('is_empty')).toBe('none')
    expect(valueKind('in_list')).toBe('list')
    expect(valueKind('in_cidr')).toBe('cidr')
    expect(valueKind('gt')).toBe('number')
    expect(valueFromText('70', 'gt')).toBe(70)
    expect(valueFromText('70', 'equals')).toBe('70')
  })

  it('carries values over when the operator changes', () => {
    expect(convertValue('a, b\nc', 'in_list')).toEqual(['a', 'b', 'c'])
    expect(convertValue(['a', 'b'], 'equals')).toBe('a, b')
    expect(convertValue('x', 'exists')).toBeUndefined()
    expect(convertValue('{{ vars.list }}', 'in_list')).toBe('{{ vars.list }}')
  })
})

describe('rule groups ↔ condition.if params', () => {
  it('reads and writes the example conditions unchanged', () => {
    for (const id of ['clean', 'has_file', 'suspicious']) {
      const params = ifParams(id)
      const written = writeGroup(params, readGroup(params))
      expect(conditionIf.params.parse(written)).toEqual(conditionIf.params.parse(params))
    }
  })

  it('edits nested rules into params the node accepts', () => {
    const params = ifParams('clean')
    let group = readGroup(params)
    group = appendAt(group, [], newGroup())
    const last = group.rules.length - 1
    group = updateAt(group, [last, 0], (r) => ({
      ...withOperator(r as Rule, 'in_cidr'),
      field: '{{ trigger.ip }}',
      value: ['10.0.0.0/8'],
    }))
    group = appendAt(group, [last], newRule())
    group = removeAt(group, [0, 1])
    group = { ...group, combinator: 'any' }
    const written = writeGroup(params, group)
    const parsed = conditionIf.params.parse(written)
    expect(parsed.combinator).toBe('any')
    const added = parsed.rules[last]
    expect(isGroup(added) && added.rules).toEqual([
      { field: '{{ trigger.ip }}', operator: 'in_cidr', value: ['10.0.0.0/8'] },
      { field: '', operator: 'equals', value: '' },
    ])
    const first = parsed.rules[0]
    expect(isGroup(first) && first.rules).toHaveLength(1)
  })

  it('switches between rules and one expression, restoring set-aside rules', () => {
    const params = ifParams('has_file')
    const rules = readGroup(params).rules
    const expr = toExpressionMode(params, '{{ trigger.score > 70 }}')
    expect(isExpressionMode(expr)).toBe(true)
    expect(conditionIf.params.safeParse(expr).success).toBe(true)
    expect(expressionText(expr)).toBe('{{ trigger.score > 70 }}')
    const back = toRulesMode(expr, rules)
    expect(back).toEqual(params)
    expect(toRulesMode(toExpressionMode({})).rules).toEqual([newRule()])
  })

  it('drops a value when the operator needs none', () => {
    expect(withOperator({ field: 'x', operator: 'equals', value: 'a' }, 'exists')).toEqual({
      field: 'x',
      operator: 'exists',
    })
  })

  it('leaves the group as it is for paths that lead nowhere', () => {
    const group = readGroup(ifParams('clean'))
    expect(updateAt(group, [9, 9], () => newRule())).toBe(group)
    expect(removeAt(group, [])).toBe(group)
  })
})

describe('switch cases', () => {
  it('keeps each spelling when read and written back', () => {
    const params = phishingPlaybook().nodes.find((n) => n.id === 'by_severity')!.params
    const cases = (params.cases as unknown[]).map((c) => writeCase(c, readCase(c)))
    expect(cases).toEqual(params.cases)
    expect(writeCase({ port: 'a', equals: 'x' }, readCase({ port: 'a', equals: 'x' }))).toEqual({
      port: 'a',
      equals: 'x',
    })
  })

  it('writes edited cases that the switch node accepts', () => {
    const raw = { port: 'high', equals: 'high' }
    const list = caseWithOperator(readCase(raw), 'in_list')
    const edited = [writeCase(raw, { ...list, value: ['high', 'critical'] }), newCase([raw])]
    expect(edited[1]).toEqual({ port: 'case_2', equals: '' })
    const parsed = conditionSwitch.params.parse({ value: '{{ trigger.severity }}', cases: edited })
    expect(parsed.cases[0]).toEqual({ port: 'high', operator: 'in_list', value: ['high', 'critical'] })
    expect(readCase('garbage')).toEqual({ port: '', operator: 'equals', value: undefined, ignoreCase: false })
  })
})
