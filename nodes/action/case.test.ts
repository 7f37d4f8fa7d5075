import { describe, expect, it } from 'vitest'
import { createEngine } from '../../runtime/engine/engine.ts'
import type { CaseActions, CaseChange } from '../../runtime/node-type.ts'
import { createBuiltinRegistry } from '../registry.ts'
import { asResult, testContext } from '../test-context.ts'
import { actionCase } from './case.ts'

function fakeCases() {
  const calls: { change: CaseChange; nodeId: string }[] = []
  const cases: CaseActions = {
    async apply(change, by) {
      calls.push({ change, nodeId: by.nodeId })
      return {
        caseId: 'c-1',
        created: calls.length === 1,
        status: change.status ?? 'new',
        severity: 'high',
        tags: change.tags ?? [],
      }
    },
  }
  return { cases, calls }
}

describe('action.case', () => {
  it('passes only the params given to the injected case capability', async () => {
    const { cases, calls } = fakeCases()
    const params = actionCase.params.parse({ status: 'contained', tags: ['edr'], comment: ' isolated ' })
    const out = asResult(await actionCase.run({ params, input: {}, ctx: testContext({ cases }) })).output
    expect(calls).toEqual([
      { change: { status: 'contained', tags: ['edr'], comment: 'isolated' }, nodeId: 'node_under_test' },
    ])
    expect(out).toEqual({
      caseId: 'c-1',
      created: true,
      status: 'contained',
      severity: 'high',
      tags: ['edr'],
    })
  })

  it('refuses unknown statuses and dispositions with the field named', () => {
    const bad = actionCase.params.safeParse({ status: 'done', disposition: 'maybe' })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['status', 'disposition'])
  })

  it('fails with CASES_UNAVAILABLE where no host keeps cases (the CLI)', async () => {
    const run = actionCase.run({ params: {}, input: {}, ctx: testContext() })
    await expect(run).rejects.toMatchObject({ code: 'CASES_UNAVAILABLE', retryable: false })
  })

  it('returns its sample in a test run without touching the case', async () => {
    const { cases, calls } = fakeCases()
    const engine = createEngine({ registry: createBuiltinRegistry(), cases })
    const playbook = {
      format: 'bulwark.playbook/2' as const,
      id: 'pb',
      name: 'pb',
      nodes: [
        { id: 'start', type: 'trigger.manual', version: 1, params: {} },
        { id: 'case', type: 'action.case', version: 1, params: { severity: 'critical' } },
      ],
      edges: [{ from: 'start', to: 'case' }],
    }
    const test = await engine.start(playbook, { mode: 'test' })
    expect(test.state.nodes.case).toMatchObject({ status: 'succeeded', simulated: true })
    expect(calls).toEqual([])
    const prod = await engine.start(playbook, { mode: 'production' })
    expect(prod.state.nodes.case?.output).toMatchObject({ caseId: 'c-1' })
    expect(calls).toHaveLength(1)
  })
})
