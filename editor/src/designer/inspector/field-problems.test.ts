import { describe, expect, it } from 'vitest'
import type { Problem } from '../../../../runtime/format/problems.ts'
import {
  describeFieldProblem,
  nodeProblems,
  parseJsonPath,
  partition,
  playbookProblems,
  under,
} from './field-problems.ts'
import { smallPlaybook } from './test-fixtures.ts'

const problem = (path: string, nodeId?: string): Problem => ({
  code: 'INVALID_PARAMS',
  severity: 'error',
  message: `bad ${path}`,
  path,
  ...(nodeId ? { nodeId } : {}),
})

describe('parseJsonPath', () => {
  it('reads the paths validation writes', () => {
    expect(parseJsonPath('$.nodes[3].params.ip')).toEqual(['nodes', 3, 'params', 'ip'])
    expect(parseJsonPath('$.nodes[0].params.headers["bad header"]')).toEqual([
      'nodes',
      0,
      'params',
      'headers',
      'bad header',
    ])
    expect(parseJsonPath('$')).toEqual([])
    expect(parseJsonPath('nodes.x')).toBeUndefined()
    expect(parseJsonPath('$.nodes[')).toBeUndefined()
  })
})

describe('placing problems', () => {
  it('keeps the problems of one node, relative to it', () => {
    const pb = smallPlaybook()
    const found = nodeProblems(
      [
        problem('$.nodes[1].params.ip', 'ip'),
        problem('$.nodes[2].params.code', 'score'),
        problem('$.edges[0].port', 'ip'),
      ],
      pb,
      'ip',
    )
    expect(found.map((p) => p.path)).toEqual([['params', 'ip'], []])
  })

  it('keeps playbook-level problems apart from node and edge problems', () => {
    const found = playbookProblems([
      problem('$.name'),
      problem('$.edges[0]'),
      problem('$.nodes[0].id', 'start'),
    ])
    expect(found.map((p) => p.path)).toEqual([['name']])
  })

  it('splits problems between child fields and the field itself', () => {
    const list = nodeProblems(
      [
        problem('$.nodes[1].params.lists.a', 'ip'),
        problem('$.nodes[1].params', 'ip'),
        problem('$.nodes[1].params.gone', 'ip'),
      ],
      smallPlaybook(),
      'ip',
    )
    const params = under(list, 'params')
    const { own, byKey } = partition(params, ['ip', 'lists'])
    expect(byKey.get('lists')?.map((p) => p.path)).toEqual([['a']])
    expect(own.map((p) => p.path)).toEqual([[], ['gone']])
    expect(describeFieldProblem({ ...own[1]!, path: ['to', 1] })).toBe('to[2]: bad $.nodes[1].params.gone')
  })
})
