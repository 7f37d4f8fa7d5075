import { describe, expect, it } from 'vitest'
import { validatePlaybook } from '../../runtime/format/validate.ts'
import { createBuiltinRegistry } from '../registry.ts'
import { groupingSchema, groupKey } from './grouping.ts'

const alert = { rule: { id: 'r-1', name: 'Brute force' }, host: 'web-1', user: 'bob', raw: { n: 1 } }

function playbookWith(grouping: unknown, type = 'trigger.alert') {
  const params: Record<string, unknown> = grouping === undefined ? {} : { grouping }
  return {
    format: 'bulwark.playbook/2',
    id: 'grouped',
    name: 'Grouped',
    nodes: [{ id: 'alert', type, version: 1, params }],
    edges: [],
  }
}

describe('grouping', () => {
  it('renders the key from the normalized alert, missing fields as empty text', () => {
    expect(groupKey('{{ trigger.rule.id }}:{{ trigger.host }}', alert)).toBe('r-1:web-1')
    expect(groupKey('{{ trigger.rule.id }}:{{ trigger.src_ip }}', alert)).toBe('r-1:')
    expect(groupKey('{{ trigger.rule }}', alert)).toBe('{"id":"r-1","name":"Brute force"}')
    expect(groupKey('fixed', alert)).toBe('fixed')
  })

  it('fills in the window and rerun defaults', () => {
    expect(groupingSchema.parse({ key: '{{ trigger.host }}' })).toEqual({
      key: '{{ trigger.host }}',
      windowMinutes: 60,
      rerun: false,
    })
  })

  it('keeps playbooks without grouping valid, on both triggers', () => {
    const registry = createBuiltinRegistry()
    for (const type of ['trigger.alert', 'trigger.webhook']) {
      expect(validatePlaybook(playbookWith(undefined, type), { registry }).ok).toBe(true)
      expect(validatePlaybook(playbookWith({ key: '{{ trigger.host }}' }, type), { registry }).ok).toBe(true)
    }
  })

  it.each([
    [{ key: '{{ trigger.host + 1 }}' }, /not allowed/],
    [{ key: '{{ vars.x }}' }, /not allowed/],
    [{ key: '{{ trigger.host' }, /key:/],
    [{ key: 'k', windowMinutes: 0 }, /too small|>=1/],
  ])('refuses %j where it is, even inside a template string', (grouping, message) => {
    const result = validatePlaybook(playbookWith(grouping), { registry: createBuiltinRegistry() })
    const problem = result.problems.find((p) => p.code === 'INVALID_PARAMS')
    expect(problem?.path).toMatch(/^\$\.nodes\[0\]\.params\.grouping/)
    expect(problem?.message).toMatch(message)
  })
})
