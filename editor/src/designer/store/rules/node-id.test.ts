import { describe, expect, it } from 'vitest'
import { slug } from '../../../../../runtime/format/schema.ts'
import { baseIdFor, nodeIdFor } from './node-id.ts'

describe('node ids', () => {
  it('derives a readable slug from the type', () => {
    expect(baseIdFor('virustotal.file-report')).toBe('virustotal_file_report')
    expect(baseIdFor('enrich.ip-info')).toBe('ip_info')
    expect(baseIdFor('condition.if')).toBe('if')
    expect(baseIdFor('42.weird--type')).toBe('n_42_weird_type')
    expect(baseIdFor('...')).toBe('node')
  })

  it('numbers ids that are taken', () => {
    const taken = new Set(['virustotal_file_report', 'virustotal_file_report_2'])
    expect(nodeIdFor('virustotal.file-report', taken)).toBe('virustotal_file_report_3')
    expect(nodeIdFor('enrich.ip-info', taken)).toBe('ip_info')
  })

  it('always gives an id the format accepts', () => {
    for (const type of ['a.b', 'x'.repeat(128), '9lives', 'trigger.webhook', 'Σ.type'])
      expect(slug.safeParse(nodeIdFor(type, new Set())).success).toBe(true)
  })
})
