import { describe, expect, it } from 'vitest'
import { createEngine } from '../engine/engine.ts'
import { e, n, pb, testNodes } from '../engine/test-nodes.ts'
import { matchesPartially, runTestCase } from './playbook-test.ts'

describe('matchesPartially', () => {
  it('matches nested subsets of objects and whole arrays', () => {
    expect(matchesPartially({ a: 1, b: { c: 2, d: 3 } }, { b: { c: 2 } })).toBe(true)
    expect(matchesPartially({ a: [1, 2] }, { a: [1] })).toBe(false)
    expect(matchesPartially({ a: null }, { a: undefined })).toBe(false)
    expect(matchesPartially({}, { toString: undefined })).toBe(true)
  })
})

describe('runTestCase', () => {
  const { registry } = testNodes()
  const engine = createEngine({ registry })
  const playbook = pb(
    [n('start', 'ports', { ports: 'true', value: '{{ trigger.x }}' }), n('yes', 'wait'), n('no'), n('after')],
    [e('start', 'yes', 'true'), e('start', 'no', 'false'), e('yes', 'after')],
  )

  it('passes when every expectation holds, after resuming waiting nodes in order', async () => {
    const r = await runTestCase(
      engine,
      playbook,
      {
        name: 'ok',
        resume: [{ node: 'yes', value: { ok: true } }],
        expect: {
          status: 'succeeded',
          nodes: { no: 'skipped', after: 'succeeded' },
          ports: { start: ['true'] },
        },
      },
      { x: 1 },
    )
    expect(r.failures).toEqual([])
    expect(r.passed).toBe(true)
    expect(r.events.at(-1)?.type).toBe('run.finished')
  })

  it('fails with one message per unmet expectation', async () => {
    const r = await runTestCase(
      engine,
      playbook,
      {
        name: 'bad',
        expect: { status: 'succeeded', nodes: { no: 'succeeded', ghost: 'skipped' }, error: 'X' },
      },
      {},
    )
    expect(r.passed).toBe(false)
    expect(r.failures).toEqual([
      'run ended waiting, expected succeeded',
      'node "no" ended skipped, expected succeeded',
      'node "ghost" is not in the playbook',
      'error none, expected X',
    ])
  })

  it('fails when a resume step names a node that is not waiting', async () => {
    const r = await runTestCase(
      engine,
      playbook,
      { name: 'r', resume: [{ node: 'no', value: 1 }], expect: {} },
      {},
    )
    expect(r.failures[0]).toMatch(/expected node "no" to be waiting/)
  })
})

describe('runTestCase with simulated responses', () => {
  const { registry } = testNodes()
  const engine = createEngine({ registry })
  const playbook = pb(
    [n('start', 'ports', { ports: 'true' }), n('yes'), n('no')],
    [e('start', 'yes', 'true'), e('start', 'no', 'false')],
  )

  it('uses a mocked node response and the port it names', async () => {
    const r = await runTestCase(
      engine,
      playbook,
      {
        name: 'mock',
        mocks: { start: { output: { verdict: 'clean' }, port: 'false' } },
        expect: { nodes: { yes: 'skipped', no: 'succeeded' }, ports: { start: ['false'] } },
      },
      {},
    )
    expect(r.failures).toEqual([])
  })

  it('fails a case that mocks a node the playbook does not have', async () => {
    const r = await runTestCase(
      engine,
      playbook,
      { name: 'x', mocks: { ghost: { output: 1 } }, expect: {} },
      {},
    )
    expect(r.failures).toEqual(['mock for unknown node "ghost"'])
  })
})
