import { describe, expect, it } from 'vitest'
import { createBuiltinRegistry } from '../../../../nodes/registry.ts'
import { validatePlaybook } from '../../../../runtime/format/validate.ts'
import { idProblem, newPlaybook, parseTags, playbookIdFor } from './new-playbook.ts'

describe('playbookIdFor', () => {
  it('derives a slug from the name', () => {
    expect(playbookIdFor('Phishing Triage (EU)!', new Set())).toBe('phishing-triage-eu')
    expect(playbookIdFor('Überprüfung Café', new Set())).toBe('uberprufung-cafe')
  })

  it('does not reuse a taken id', () => {
    expect(playbookIdFor('Triage', new Set(['triage', 'triage-2']))).toBe('triage-3')
  })

  it('gives an empty id for a name without letters or digits, which is refused with a reason', () => {
    const id = playbookIdFor('!!!', new Set())
    expect(id).toBe('')
    expect(idProblem(id, new Set())).toMatch(/empty/)
  })
})

describe('idProblem', () => {
  it('accepts slugs and refuses bad or taken ids with a reason', () => {
    expect(idProblem('phishing_triage-2', new Set())).toBeUndefined()
    expect(idProblem('Bad Id', new Set())).toMatch(/lower-case/)
    expect(idProblem('-x', new Set())).toMatch(/starting with/)
    expect(idProblem('triage', new Set(['triage']))).toMatch(/exists/)
  })
})

describe('newPlaybook', () => {
  it('is a valid playbook with one manual trigger', () => {
    const playbook = newPlaybook({ id: 'triage', name: ' Triage ', description: 'd', tags: ['a', ' a', ''] })
    expect(playbook).toMatchObject({ id: 'triage', name: 'Triage', description: 'd', tags: ['a'] })
    expect(playbook.nodes.map((n) => n.type)).toEqual(['trigger.manual'])
    const result = validatePlaybook(playbook, { registry: createBuiltinRegistry() })
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([])
    expect(result.ok).toBe(true)
  })
})

describe('parseTags', () => {
  it('splits on commas and drops blanks', () => {
    expect(parseTags(' phishing, email,, ')).toEqual(['phishing', 'email'])
  })
})
