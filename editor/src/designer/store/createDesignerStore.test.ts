import { describe, expect, it } from 'vitest'
import { createDesignerStore } from './createDesignerStore.ts'
import { HISTORY_LIMIT } from './history.ts'
import { playbookOf, registry } from './testing.ts'

function setup() {
  let clock = 0
  const playbook = playbookOf(
    {
      alert: 'trigger.alert',
      ip: { type: 'enrich.ip-info', version: 1, params: { ip: '{{ trigger.ip }}' } },
    },
    [['alert', 'ip']],
  )
  const store = createDesignerStore({ playbook, registry, now: () => clock })
  return { store, s: () => store.getState(), tick: (ms: number) => (clock += ms) }
}

describe('createDesignerStore', () => {
  it('adds a node with a slug id and default params, selects it and validates the result', () => {
    const { s } = setup()
    expect(s().problems).toEqual([])
    const id = s().addNode('flow.delay', 1, { x: 500, y: 0 })
    expect(id).toBe('delay')
    expect(s().playbook.nodes.at(-1)).toEqual({
      id: 'delay',
      type: 'flow.delay',
      version: 1,
      params: { ms: 0 },
    })
    expect(s().playbook.layout?.delay).toEqual({ x: 500, y: 0 })
    expect(s().selection).toEqual(['delay'])
    expect(s().problems.map((p) => [p.code, p.nodeId])).toEqual([['UNREACHABLE', 'delay']])
    expect(s().connect('ip', 'out', 'delay')).toBeNull()
    expect(s().problems).toEqual([])
    expect(s().dirty).toBe(true)
  })

  it('refuses a second trigger and a bad connection, posting the reason', () => {
    const { s } = setup()
    expect(s().addNode('trigger.webhook', 1, { x: 0, y: 0 })).toBe('')
    expect(s().notice).toMatchObject({
      tone: 'error',
      message: expect.stringContaining('exactly one trigger'),
    })
    expect(s().connect('ip', 'out', 'alert')?.code).toBe('INTO_TRIGGER')
    expect(s().notice?.message).toContain('is a trigger')
    expect(s().canUndo).toBe(false)
  })

  it('shows a node of an unknown type with a problem instead of failing', () => {
    const { s } = setup()
    s().addNode('acme.gone', 3, { x: 0, y: 200 })
    expect(
      s()
        .problems.filter((p) => p.nodeId === 'acme_gone')
        .map((p) => p.code),
    ).toContain('UNKNOWN_NODE_TYPE')
  })

  it('undoes and redoes changes, and knows when it is back to the saved document', () => {
    const { s } = setup()
    const saved = s().playbook
    s().addNode('flow.delay', 1, { x: 0, y: 0 })
    s().moveNodes({ delay: { x: 40, y: 40 } })
    expect(s().canUndo).toBe(true)
    s().undo()
    expect(s().playbook.layout?.delay).toEqual({ x: 0, y: 0 })
    s().undo()
    expect(s().playbook).toBe(saved)
    expect(s().dirty).toBe(false)
    expect(s().selection).toEqual([])
    expect(s().canRedo).toBe(true)
    s().redo()
    expect(s().playbook.nodes.map((n) => n.id)).toContain('delay')
    expect(s().problems.some((p) => p.nodeId === 'delay')).toBe(true)
    s().markSaved()
    expect(s().dirty).toBe(false)
  })

  it('merges quick edits of one field into one undo step', () => {
    const { s, tick } = setup()
    for (const ip of ['1', '1.2', '1.2.3']) {
      s().updateNode('ip', { params: { ip } })
      tick(200)
    }
    tick(2000)
    s().updateNode('ip', { name: 'Source IP' })
    s().undo()
    expect(s().playbook.nodes[1]).toMatchObject({ params: { ip: '1.2.3' } })
    expect(s().playbook.nodes[1]!.name).toBeUndefined()
    s().undo()
    expect(s().playbook.nodes[1]!.params).toEqual({ ip: '{{ trigger.ip }}' })
  })

  it('keeps a bounded history', () => {
    const { s } = setup()
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) s().moveNodes({ ip: { x: i, y: 0 } })
    let steps = 0
    while (s().canUndo) {
      s().undo()
      steps++
    }
    expect(steps).toBe(HISTORY_LIMIT)
  })

  it('runs a batch as one undo step', () => {
    const { s } = setup()
    s().addNode('flow.delay', 1, { x: 0, y: 0 })
    s().batch(() => {
      s().removeEdge('alert', 'out', 'ip')
      s().remove(['ip', 'delay'])
    })
    expect(s().playbook.nodes.map((n) => n.id)).toEqual(['alert'])
    s().undo()
    expect(s().playbook.nodes.map((n) => n.id)).toEqual(['alert', 'ip', 'delay'])
    expect(s().playbook.edges).toHaveLength(1)
  })

  it('renames a node, keeping it selected', () => {
    const { s } = setup()
    s().select(['ip'])
    expect(s().renameNode('ip', 'src_ip')).toBeNull()
    expect(s().selection).toEqual(['src_ip'])
    expect(s().playbook.edges).toEqual([{ from: 'alert', to: 'src_ip' }])
    expect(s().renameNode('src_ip', 'alert')?.code).toBe('INVALID')
  })

  it('copies, pastes and duplicates the selection', () => {
    const { s } = setup()
    s().select(['ip'])
    const text = s().copySelection()
    expect(s().paste(text, { x: 0, y: 300 })).toEqual(['ip_2'])
    expect(s().selection).toEqual(['ip_2'])
    expect(s().duplicateSelection()).toEqual(['ip_3'])
    expect(s().paste('not json at all')).toEqual([])
    expect(s().notice).toMatchObject({ tone: 'error', message: expect.stringContaining('not JSON') })
    s().select([])
    expect(s().copySelection()).toBe('')
  })

  it('adds, edits, moves and removes sticky notes', () => {
    const { s } = setup()
    const id = s().addNote({ x: 10, y: 10 }, 'Ask tier 2')
    s().updateNote(id, { text: 'Ask tier 3' })
    s().moveNodes({ [id]: { x: 50, y: 60 } })
    expect(s().playbook.notes).toEqual([{ id: 'note', text: 'Ask tier 3', x: 50, y: 60 }])
    s().remove([id])
    expect(s().playbook.notes).toBeUndefined()
  })

  it('replaces the document (import) as one undo step and fills in missing layout', () => {
    const { s } = setup()
    const { layout: _none, ...imported } = playbookOf({ hook: 'trigger.webhook' })
    s().replace(imported)
    expect(s().playbook.layout?.hook).toBeDefined()
    s().undo()
    expect(s().playbook.nodes[0]!.id).toBe('alert')
  })

  it('marks the snapshot that was sent as saved, even after later edits', () => {
    const { s } = setup()
    s().addNode('flow.delay', 1, { x: 0, y: 0 })
    const sent = s().playbook
    s().moveNodes({ delay: { x: 9, y: 9 } })
    s().markSaved(sent)
    expect(s().dirty).toBe(true)
    s().undo()
    expect(s().dirty).toBe(false)
  })

  it('holds a run overlay and notices', () => {
    const { s } = setup()
    s().setOverlay({
      runId: 'r1',
      status: 'running',
      nodes: { alert: { status: 'succeeded' } },
      takenEdges: [],
    })
    expect(s().overlay?.nodes.alert?.status).toBe('succeeded')
    s().notify('Saved', 'success')
    const first = s().notice!.id
    s().notify('Saved', 'success')
    expect(s().notice!.id).toBeGreaterThan(first)
    s().clearNotice()
    expect(s().notice).toBeNull()
  })
})
