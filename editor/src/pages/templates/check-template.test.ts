import { describe, expect, it } from 'vitest'
import vtIpReport from '../../../../nodes/templates/starter/virustotal-ip-report.json' with { type: 'json' }
import { checkTemplateText } from './check-template.ts'
import { templateText } from './template-text.ts'

const custom = { ...vtIpReport, id: 'acme.ip-report' }

describe('checkTemplateText', () => {
  it('accepts a valid template in YAML and in JSON', () => {
    for (const language of ['yaml', 'json'] as const) {
      const r = checkTemplateText(templateText(custom, language), language, [])
      expect(r).toMatchObject({ ok: true, unchanged: false, template: { id: 'acme.ip-report', version: 1 } })
    }
  })

  it('reports a syntax error with its line', () => {
    const r = checkTemplateText('id: acme.x\nversion: [1\n', 'yaml', [])
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.problems[0]?.message).toMatch(/^invalid YAML at line \d/)
  })

  it('reports every schema problem with its path', () => {
    const broken = { ...custom, id: 'Bad Id', request: { method: 'GET' }, sideEffects: 'no' }
    const r = checkTemplateText(templateText(broken, 'json'), 'json', [])
    expect(r.ok).toBe(false)
    if (r.ok) return
    const paths = r.problems.map((p) => p.path)
    expect(paths).toContain('id')
    expect(paths).toContain('sideEffects')
    expect(r.problems.find((p) => p.path === 'id')?.message).toMatch(/vendor\.action/)
  })

  it('refuses the id of a built-in node type', () => {
    const r = checkTemplateText(templateText(vtIpReport, 'yaml'), 'yaml', [])
    expect(r).toMatchObject({
      ok: false,
      problems: [{ path: 'id', message: expect.stringMatching(/built-in/) }],
    })
  })

  it('refuses other content under a published version and names the next version', () => {
    const published = [{ id: 'acme.ip-report', version: 1, template: { ...custom, title: 'Older title' } }]
    const r = checkTemplateText(templateText(custom, 'yaml'), 'yaml', published)
    expect(r).toMatchObject({
      ok: false,
      problems: [{ path: 'version', message: expect.stringMatching(/use version 2/) }],
    })
  })

  it('recognises the same content as already published', () => {
    const published = [{ id: 'acme.ip-report', version: 1, template: custom }]
    expect(checkTemplateText(templateText(custom, 'json'), 'json', published)).toMatchObject({
      ok: true,
      unchanged: true,
    })
  })
})
