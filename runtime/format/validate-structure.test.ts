import { describe, expect, it } from 'vitest'
import { CURRENT_FORMAT } from './schema.ts'
import { nodeIdAt, validateStructure } from './validate-structure.ts'

describe('validateStructure', () => {
  it('returns the parsed playbook with defaults applied', () => {
    const r = validateStructure({
      format: CURRENT_FORMAT,
      id: 'p',
      name: 'P',
      nodes: [{ id: 'a', type: 't', version: 1 }],
      edges: [],
    })
    expect(r.problems).toEqual([])
    expect(r.playbook?.nodes[0]?.params).toEqual({})
  })

  it('reports missing fields, wrong values and unknown fields with paths', () => {
    const r = validateStructure({
      format: CURRENT_FORMAT,
      id: 'Bad Id',
      nodes: [{ id: 'a', type: 't', version: 1, colour: 'red', shape: 1 }],
      edges: [],
    })
    expect(r.playbook).toBeUndefined()
    expect(r.problems.map((p) => [p.code, p.path, p.nodeId])).toEqual([
      ['SCHEMA', '$.id', undefined],
      ['SCHEMA', '$.name', undefined],
      ['SCHEMA', '$.nodes[0]', 'a'],
    ])
    expect(r.problems[2]!.message).toBe('unknown fields "colour", "shape"')
  })
})

describe('nodeIdAt', () => {
  it('finds the id of the node a path is under', () => {
    const root = { nodes: [{ id: 'x' }, { id: 7 }] }
    expect(nodeIdAt(root, ['nodes', 0, 'params'])).toBe('x')
    expect(nodeIdAt(root, ['nodes', 1])).toBeUndefined()
    expect(nodeIdAt(root, ['edges', 0])).toBeUndefined()
  })
})
