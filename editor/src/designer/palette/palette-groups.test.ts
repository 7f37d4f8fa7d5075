import { describe, expect, it } from 'vitest'
import { defineNode } from '../../../../runtime/node-type.ts'
import { registry } from '../store/testing.ts'
import { isTemplateType, paletteGroups } from './palette-groups.ts'

describe('paletteGroups', () => {
  it('groups the catalog by category in palette order, templates last', () => {
    const groups = paletteGroups(registry.all())
    expect(groups.map((g) => g.label)).toEqual([
      'Triggers',
      'Enrichment',
      'Conditions',
      'Flow',
      'Transform',
      'Actions',
      'Scripts',
      'Templates',
    ])
    expect(groups[0]!.items.map((i) => i.type)).toContain('trigger.alert')
    expect(groups.at(-1)!.items.map((i) => i.type)).toContain('virustotal.file-report')
  })

  it('searches titles, types and descriptions, every word', () => {
    const groups = paletteGroups(registry.all(), 'virustotal file')
    expect(groups.flatMap((g) => g.items.map((i) => i.type))).toEqual(['virustotal.file-report'])
    expect(paletteGroups(registry.all(), 'no such thing at all')).toEqual([])
  })

  it('offers only the latest version of a type', () => {
    const base = {
      category: 'transform' as const,
      params: registry.get('transform.set', 1)!.params,
      run: () => null,
    }
    const v1 = defineNode({ ...base, type: 'acme.tool', version: 1, title: 'Tool v1' })
    const v2 = defineNode({ ...base, type: 'acme.tool', version: 2, title: 'Tool v2' })
    const items = paletteGroups([v2, v1]).flatMap((g) => g.items)
    expect(items).toEqual([{ type: 'acme.tool', version: 2, title: 'Tool v2', category: 'transform' }])
  })

  it('tells templates from built-in types', () => {
    expect(isTemplateType('enrich.ip-info')).toBe(false)
    expect(isTemplateType('slack.post-message')).toBe(true)
  })
})
