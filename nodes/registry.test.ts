import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { portsOf } from '../runtime/node-type.ts'
import { builtinNodeTypes, createBuiltinRegistry } from './registry.ts'

const CATEGORIES = ['trigger', 'enrichment', 'condition', 'flow', 'transform', 'action', 'script']

describe('builtin node registry', () => {
  it('registers every type once under type@version', () => {
    const keys = builtinNodeTypes.map((t) => `${t.type}@${t.version}`)
    expect(new Set(keys).size).toBe(keys.length)
    const registry = createBuiltinRegistry()
    expect(registry.get('condition.if', 1)?.title).toBe('If')
    expect(registry.get('trigger.alert', 1)?.category).toBe('trigger')
    expect(registry.versions('enrich.lookup')).toEqual([1])
  })

  it('includes the catalog of this issue', () => {
    const types = builtinNodeTypes.map((t) => t.type)
    for (const t of [
      'trigger.webhook',
      'trigger.alert',
      'trigger.schedule',
      'trigger.manual',
      'enrich.extract-iocs',
      'enrich.ip-info',
      'enrich.lookup',
      'condition.if',
      'condition.switch',
      'condition.filter',
      'flow.delay',
      'flow.approval',
      'transform.set',
    ]) {
      expect(types).toContain(t)
    }
  })

  it.each(builtinNodeTypes.map((t) => [t.type, t] as const))(
    '%s has palette metadata and a form schema',
    (_, t) => {
      expect(t.type).toMatch(/^[a-z]+\.[a-z0-9-]+$/)
      expect(t.title.length).toBeGreaterThan(0)
      expect(CATEGORIES).toContain(t.category)
      expect(t.icon).toMatch(/^[a-z0-9-]+$/)
      expect(t.description?.length ?? 0).toBeGreaterThan(0)
      const schema = z.toJSONSchema(t.params, { unrepresentable: 'any' }) as { type?: string }
      expect(schema.type).toBe('object')
      expect(portsOf(t, {}).length).toBeGreaterThan(0)
    },
  )

  it('gives side-effecting types a sample for simulate mode', () => {
    for (const t of builtinNodeTypes.filter((x) => x.sideEffects)) expect(t.sample, t.type).toBeDefined()
  })
})
