import { describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import abuse from './starter/abuseipdb-check.json' with { type: 'json' }
import { parseTemplateText } from './text.ts'

describe('parseTemplateText', () => {
  it('reads the same template from JSON and from YAML', () => {
    const fromJson = parseTemplateText(JSON.stringify(abuse))
    const fromYaml = parseTemplateText(stringify(abuse))
    expect(fromJson.ok).toBe(true)
    expect(fromYaml).toEqual(fromJson)
  })

  it('reports YAML syntax errors with a line number', () => {
    const r = parseTemplateText('id: acme.lookup\nversion: [1\n', 'yaml')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.problems[0]?.message).toMatch(/invalid YAML at line \d/)
  })

  it('reports invalid JSON and schema problems without throwing', () => {
    const bad = parseTemplateText('{"id": ', 'json')
    expect(bad.ok).toBe(false)
    const wrong = parseTemplateText('id: acme.lookup\nversion: one\n')
    expect(wrong.ok).toBe(false)
    if (!wrong.ok) expect(wrong.problems.map((p) => p.path)).toContain('version')
  })

  it('refuses alias bombs and oversized text', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]']
    for (let i = 0; i < 12; i++)
      bomb.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`,
      )
    const r = parseTemplateText(bomb.join('\n'), 'yaml')
    expect(r.ok).toBe(false)
    expect(parseTemplateText('x'.repeat(300_000)).ok).toBe(false)
  })
})
