import { describe, expect, it } from 'vitest'
import { playbookOf, registry } from '../store/testing.ts'
import { createFlowElements } from './flow-elements.ts'
import type { StepFlowNode } from './flow-types.ts'
import { STEP } from './node-geometry.ts'

const playbook = {
  ...playbookOf(
    {
      alert: 'trigger.alert',
      check: 'condition.if',
      a: 'transform.set',
      b: 'transform.set',
      ghost: 'acme.gone',
    },
    [
      ['alert', 'check'],
      ['check', 'a', 'true'],
      ['check', 'b', 'maybe'],
    ],
  ),
  notes: [{ id: 'note', text: 'hi', x: 1, y: 2 }],
}
const base = { playbook, registry, selection: [], problems: [], overlay: null }

describe('createFlowElements', () => {
  it('builds boxes with ports, stray ports and exact handle positions', () => {
    const nodes = createFlowElements().nodes(base)
    expect(nodes.map((n) => n.id)).toEqual(['note:note', 'alert', 'check', 'a', 'b', 'ghost'])
    const check = nodes[2] as StepFlowNode
    expect(check.data.ports).toEqual(['true', 'false', 'maybe'])
    expect(check.data.strayPorts).toEqual(['maybe'])
    const rowsTop = STEP.border + STEP.head + STEP.meta + STEP.portsTop
    expect(check.handles?.find((h) => h.id === 'false')?.y).toBe(
      rowsTop + STEP.portRow * 1.5 - STEP.handle / 2,
    )
    expect(check.measured?.height).toBe(rowsTop + 3 * STEP.portRow + STEP.portsBottom + STEP.border)
    const alert = nodes[1] as StepFlowNode
    expect(alert.handles?.map((h) => h.type)).toEqual(['source'])
    expect((nodes[5] as StepFlowNode).data.unknownType).toBe(true)
  })

  it('reuses the objects of boxes that did not change', () => {
    const elements = createFlowElements()
    const first = elements.nodes(base)
    const second = elements.nodes({ ...base, selection: ['a'] })
    const changed = second.filter((n, i) => n !== first[i]).map((n) => n.id)
    expect(changed).toEqual(['a'])
    const third = elements.nodes({
      ...base,
      selection: ['a'],
      problems: [{ code: 'X', severity: 'error', message: 'm', path: '$', nodeId: 'b' }],
    })
    expect(third.filter((n, i) => n !== second[i]).map((n) => n.id)).toEqual(['b'])
  })

  it('keys edges `from:port->to`, marks taken ones and skips edges to missing nodes', () => {
    const elements = createFlowElements()
    const withDangling = { ...playbook, edges: [...playbook.edges, { from: 'a', to: 'nowhere' }] }
    const overlay = { runId: 'r', status: 'running', nodes: {}, takenEdges: ['check:true->a'] }
    const edges = elements.edges({ playbook: withDangling, overlay, selectedEdges: new Set() })
    expect(edges.map((e) => [e.id, e.sourceHandle, e.data?.taken])).toEqual([
      ['alert:out->check', 'out', false],
      ['check:true->a', 'true', true],
      ['check:maybe->b', 'maybe', false],
    ])
  })
})
