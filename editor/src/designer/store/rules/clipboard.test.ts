import { describe, expect, it } from 'vitest'
import { playbookOf, registry } from '../testing.ts'
import { copyItems, PASTE_OFFSET, parseFragment, pasteFragment } from './clipboard.ts'

const base = playbookOf(
  {
    alert: 'trigger.alert',
    ip: { type: 'enrich.ip-info', version: 1, params: { ip: '{{ trigger.ip }}' } },
    tag: { type: 'transform.set', version: 1, params: { values: { v: '{{ nodes.ip.output }}' } } },
  },
  [
    ['alert', 'ip'],
    ['ip', 'tag'],
  ],
)

function paste(text: string, into = base, at?: { x: number; y: number }) {
  const parsed = parseFragment(text)
  if (!parsed.ok) throw new Error(parsed.message)
  return pasteFragment(into, registry, parsed.fragment, at)
}

describe('copy and paste', () => {
  it('copies the selected nodes, the edges between them and their layout as canonical JSON', () => {
    const text = copyItems(base, ['tag', 'ip'])
    expect(JSON.parse(text)).toEqual({
      nodes: [
        { id: 'ip', type: 'enrich.ip-info', version: 1, params: { ip: '{{ trigger.ip }}' } },
        { id: 'tag', type: 'transform.set', version: 1, params: { values: { v: '{{ nodes.ip.output }}' } } },
      ],
      edges: [{ from: 'ip', to: 'tag' }],
      layout: { ip: { x: 260, y: 0 }, tag: { x: 520, y: 0 } },
    })
    expect(text.endsWith('}\n')).toBe(true)
  })

  it('renames clashing ids (references follow) and offsets the positions', () => {
    const pasted = paste(copyItems(base, ['ip', 'tag']))
    expect(pasted.ids).toEqual(['ip_2', 'tag_2'])
    const p = pasted.playbook
    expect(p.edges.at(-1)).toEqual({ from: 'ip_2', to: 'tag_2' })
    expect(p.nodes.at(-1)!.params).toEqual({ values: { v: '{{ nodes.ip_2.output }}' } })
    expect(p.layout?.ip_2).toEqual({ x: 260 + PASTE_OFFSET, y: PASTE_OFFSET })
    expect(p.nodes).toHaveLength(5)
  })

  it('keeps ids that are free and puts the top-left corner at the target', () => {
    const other = playbookOf({ hook: 'trigger.webhook' })
    const pasted = paste(copyItems(base, ['ip', 'tag']), other, { x: 1000, y: 500 })
    expect(pasted.ids).toEqual(['ip', 'tag'])
    expect(pasted.playbook.layout).toMatchObject({ ip: { x: 1000, y: 500 }, tag: { x: 1260, y: 500 } })
  })

  it('leaves out a second trigger', () => {
    const pasted = paste(copyItems(base, ['alert', 'ip']))
    expect(pasted.dropped).toEqual(['alert'])
    expect(pasted.ids).toEqual(['ip_2'])
    expect(pasted.playbook.edges).toHaveLength(2)
  })

  it('carries notes along', () => {
    const withNote = { ...base, notes: [{ id: 'note', text: 'hi', x: 5, y: 5 }] }
    const pasted = paste(copyItems(withNote, ['note']), withNote)
    expect(pasted.ids).toEqual(['note_2'])
    expect(pasted.playbook.notes?.[1]).toEqual({ id: 'note_2', text: 'hi', x: 45, y: 45 })
  })

  it('explains what is wrong with text that is not copied nodes', () => {
    expect(parseFragment('')).toEqual({ ok: false, message: 'The clipboard is empty.' })
    expect(parseFragment('hello world')).toEqual({
      ok: false,
      message: 'The clipboard does not hold Bulwark nodes: it is not JSON.',
    })
    expect(parseFragment('[1, 2]')).toMatchObject({
      ok: false,
      message: expect.stringContaining('no "nodes" list'),
    })
    expect(parseFragment('{"nodes": [{"id": "Bad Id", "type": "x", "version": 1}]}')).toMatchObject({
      ok: false,
      message: expect.stringContaining('nodes.0.id'),
    })
    const twice =
      '{"nodes": [{"id": "a", "type": "x", "version": 1}, {"id": "a", "type": "x", "version": 1}]}'
    expect(parseFragment(twice)).toEqual({ ok: false, message: 'The copied nodes repeat the id "a".' })
    expect(parseFragment('{"nodes": []}')).toMatchObject({ ok: false })
  })

  it('pastes a whole playbook file', () => {
    const pasted = paste(JSON.stringify(base), playbookOf({}))
    expect(pasted.ids).toEqual(['alert', 'ip', 'tag'])
  })
})
