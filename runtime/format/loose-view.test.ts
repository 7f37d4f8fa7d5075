import { describe, expect, it } from 'vitest'
import { looseView } from './loose-view.ts'

describe('looseView', () => {
  it('keeps the well-formed parts of a broken playbook', () => {
    const v = looseView({
      nodes: [
        null,
        { id: 'a', type: 'x', version: '1', params: [] },
        { id: 'b', params: { p: 1 }, onError: 'error' },
        { id: 3 },
      ],
      edges: [{ from: 'a', to: 5 }, 'junk', { from: 'a', to: 'b', port: 'true' }],
      layout: { a: { x: 1, y: 1 } },
      notes: [{ id: 'n' }, { text: 'no id' }],
      outputs: { o: { type: 'string', value: '{{ nodes.a.output }}' }, p: { type: 'string' } },
    })
    expect(v.nodes).toEqual([
      { index: 1, id: 'a', type: 'x' },
      { index: 2, id: 'b', params: { p: 1 }, onError: 'error' },
    ])
    expect(v.edges).toEqual([
      { index: 0, from: 'a', to: undefined, port: undefined },
      { index: 2, from: 'a', to: 'b', port: 'true' },
    ])
    expect(v.layoutKeys).toEqual(['a'])
    expect(v.notes).toEqual([{ index: 0, id: 'n' }])
    expect(v.outputs).toEqual([{ name: 'o', value: '{{ nodes.a.output }}' }])
  })

  it('gives an empty view for non-objects', () => {
    for (const raw of [null, 1, [], 'x']) expect(looseView(raw).nodes).toEqual([])
  })
})
