import { describe, expect, it } from 'vitest'
import phishing from '../../../../examples/playbooks/phishing-triage.json' with { type: 'json' }
import type { Playbook } from '../../../../runtime/format/schema.ts'
import { diffPlaybooks } from './diff.ts'

const base = phishing as unknown as Playbook

function edit(change: (p: Playbook) => void): Playbook {
  const copy = structuredClone(base)
  change(copy)
  return copy
}

describe('the diff of two playbook versions', () => {
  it('finds nothing between a version and itself, whatever the order of nodes and keys', () => {
    const shuffled = edit((p) => {
      p.nodes.reverse()
      p.edges.reverse()
    })
    const d = diffPlaybooks(base, shuffled)
    expect(d.nodes).toEqual({})
    expect(d.changes).toEqual([])
  })

  it('highlights added, removed and changed nodes and lists what changed', () => {
    const after = edit((p) => {
      p.nodes = p.nodes.filter((n) => n.id !== 'ticket')
      p.edges = p.edges.filter((e) => e.to !== 'ticket' && e.from !== 'ticket')
      p.nodes.push({ id: 'enrich_more', type: 'enrich.ip-info', version: 1, params: {} })
      p.edges.push({ from: 'alert', to: 'enrich_more' })
      const approval = p.nodes.find((n) => n.id === 'approve_block')!
      approval.params = { ...approval.params, required: 2 }
      approval.name = 'Two approvers'
    })
    const d = diffPlaybooks(base, after)
    expect(d.nodes).toEqual({ enrich_more: 'added', ticket: 'removed', approve_block: 'changed' })
    expect(d.changes.find((c) => c.id === 'approve_block')?.fields).toEqual(['name', 'params.required'])
    expect(d.edges['alert:out->enrich_more']).toBe('added')
    const removedEdges = base.edges.filter((e) => e.to === 'ticket' || e.from === 'ticket')
    expect(removedEdges.length).toBeGreaterThan(0)
    expect(Object.entries(d.edges).filter(([, k]) => k === 'removed')).toHaveLength(removedEdges.length)
  })

  it('shows the union so that removed nodes can be drawn where they were', () => {
    const after = edit((p) => {
      p.nodes = p.nodes.filter((n) => n.id !== 'ticket')
      p.edges = p.edges.filter((e) => e.to !== 'ticket' && e.from !== 'ticket')
      delete p.layout?.ticket
    })
    const { union } = diffPlaybooks(base, after)
    expect(union.nodes.map((n) => n.id).sort()).toEqual(base.nodes.map((n) => n.id).sort())
    expect(union.layout?.ticket).toEqual(base.layout?.ticket)
    expect(union.edges).toHaveLength(base.edges.length)
  })

  it('does not highlight a node that only moved, but lists the layout change', () => {
    const after = edit((p) => {
      p.layout = { ...p.layout, alert: { x: -500, y: -500 } }
    })
    const d = diffPlaybooks(base, after)
    expect(d.nodes).toEqual({})
    expect(d.changes).toEqual([{ kind: 'changed', what: 'layout', id: 'alert' }])
  })

  it('names a node type version change and playbook-level changes', () => {
    const after = edit((p) => {
      p.nodes.find((n) => n.id === 'alert')!.version = 2
      p.settings = { ...p.settings, concurrency: 2 }
      p.name = 'Phishing triage v2'
    })
    const d = diffPlaybooks(base, after)
    expect(d.changes.find((c) => c.id === 'alert')?.fields).toEqual(['version 1 → 2'])
    expect(d.changes.filter((c) => c.what === 'playbook').map((c) => c.id)).toEqual(['name', 'settings'])
  })
})
