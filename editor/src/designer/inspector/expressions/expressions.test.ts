import { describe, expect, it } from 'vitest'
import { phishingPlaybook, registry, smallPlaybook } from '../test-fixtures.ts'
import { applyCompletion, completionRange, filterSuggestions } from './completion.ts'
import { expressionSuggestions } from './suggestions.ts'
import { triggerSchema } from './trigger-schema.ts'
import { upstreamIds } from './upstream.ts'

describe('upstreamIds', () => {
  it('lists every ancestor through the edges, never the node itself or side branches', () => {
    const pb = phishingPlaybook()
    expect(upstreamIds(pb, 'clean').sort()).toEqual([
      'alert',
      'has_file',
      'has_url',
      'iocs',
      'suspicious',
      'vt_file',
      'vt_url',
    ])
    expect(upstreamIds(pb, 'alert')).toEqual([])
  })
})

describe('expressionSuggestions', () => {
  it('offers upstream outputs with their fields, and no node that is not upstream', () => {
    const paths = expressionSuggestions(phishingPlaybook(), registry, 'vt_url').map((s) => s.path)
    expect(paths).toContain('nodes.alert.output.severity')
    expect(paths).toContain('nodes.alert.output.observables.ips')
    expect(paths).toContain('nodes.iocs.output.urls')
    expect(paths.some((p) => p.startsWith('nodes.vt_file'))).toBe(false)
    expect(paths.some((p) => p.startsWith('nodes.vt_url'))).toBe(false)
    expect(paths).toContain('vars')
    expect(paths).toContain('run.id')
  })

  it('reads trigger fields from a manual form and vars from the playbook', () => {
    const paths = expressionSuggestions(smallPlaybook(), registry, 'ip').map((s) => s.path)
    expect(paths).toEqual(
      expect.arrayContaining(['trigger', 'trigger.host', 'nodes.start.output', 'vars.threshold']),
    )
    expect(paths.some((p) => p.startsWith('nodes.score'))).toBe(false)
  })

  it('uses a node type’s sample when its output schema says nothing', () => {
    const pb = smallPlaybook()
    pb.nodes.push({ id: 'call', type: 'action.http', version: 1, params: { url: 'https://x.test' } })
    pb.edges.push({ from: 'start', to: 'call' }, { from: 'call', to: 'side' })
    const paths = expressionSuggestions(pb, registry, 'side').map((s) => s.path)
    expect(paths).toEqual(expect.arrayContaining(['nodes.call.output.status', 'nodes.call.output.body']))
  })
})

describe('triggerSchema', () => {
  it('takes sub-playbook inputs first, and knows nothing of a raw SIEM payload', () => {
    const pb = smallPlaybook()
    pb.inputs = { ip: { type: 'string' } }
    expect(triggerSchema(pb, registry)?.safeParse({ ip: '1.2.3.4' }).success).toBe(true)
    expect(triggerSchema(phishingPlaybook(), registry)).toBeUndefined()
  })
})

describe('completion', () => {
  it('opens right after {{ and while typing a path', () => {
    expect(completionRange('Hi {{', 5)).toEqual({ from: 5, to: 5, query: '', wrap: false })
    expect(completionRange('Hi {{ trig', 10)).toEqual({ from: 6, to: 10, query: 'trig', wrap: false })
    expect(completionRange('{{ nodes.vt.out }}', 15)).toMatchObject({ from: 3, query: 'nodes.vt.out' })
  })

  it('stays closed outside braces and after an operator with a space', () => {
    expect(completionRange('plain text', 5)).toBeUndefined()
    expect(completionRange('{{ a }} b', 9)).toBeUndefined()
    expect(completionRange('{{ trigger.score > ', 19)).toBeUndefined()
  })

  it('replaces the whole field in bare mode', () => {
    expect(completionRange('sev', 3, { bare: true })).toEqual({ from: 0, to: 3, query: 'sev', wrap: true })
    expect(completionRange('{{ x }}', 7, { bare: true })).toBeUndefined()
  })

  it('inserts the path, closing the braces when needed', () => {
    const range = completionRange('Hello {{tr', 10)!
    expect(applyCompletion('Hello {{tr', range, 'trigger.ip')).toEqual({
      text: 'Hello {{ trigger.ip }}',
      caret: 22,
    })
    const inside = completionRange('{{ nodes.a }} and more', 10)!
    expect(applyCompletion('{{ nodes.a }} and more', inside, 'nodes.a.output')).toEqual({
      text: '{{ nodes.a.output }} and more',
      caret: 17,
    })
    expect(
      applyCompletion('sev', { from: 0, to: 3, query: 'sev', wrap: true }, 'trigger.severity').text,
    ).toBe('{{ trigger.severity }}')
  })

  it('ranks prefix matches before other matches', () => {
    const all = [
      { path: 'trigger.user', detail: '' },
      { path: 'nodes.a.output.user', detail: '' },
      { path: 'vars', detail: '' },
    ]
    expect(filterSuggestions(all, 'user').map((s) => s.path)).toEqual(['trigger.user', 'nodes.a.output.user'])
    expect(filterSuggestions(all, 'nodes.a').map((s) => s.path)).toEqual(['nodes.a.output.user'])
    expect(filterSuggestions(all, '')).toHaveLength(3)
  })
})
