import { CURRENT_FORMAT, type Playbook, type PlaybookNode } from '../runtime/format/schema.ts'

/**
 * A realistic 500-node playbook for the editor benchmark: a webhook trigger, then 20 lanes of
 * enrichment → condition → set nodes laid out on a grid, every node valid for the built-in catalog.
 */
export function largePlaybook(id = 'bench-500', size = 500): Playbook {
  const nodes: PlaybookNode[] = [{ id: 'hook', type: 'trigger.webhook', version: 1, params: {} }]
  const edges: Playbook['edges'] = []
  const layout: NonNullable<Playbook['layout']> = { hook: { x: 0, y: 0 } }
  const lanes = 20
  const perLane = Math.ceil((size - 1) / lanes)
  for (let lane = 0; lane < lanes; lane++) {
    let prev = 'hook'
    let port: string | undefined
    for (let i = 0; i < perLane && nodes.length < size; i++) {
      const nodeId = `l${lane}_n${i}`
      const kind = i % 3
      const node: PlaybookNode =
        kind === 0
          ? { id: nodeId, type: 'enrich.ip-info', version: 1, params: { ip: '{{ trigger.ip }}' } }
          : kind === 1
            ? {
                id: nodeId,
                type: 'condition.if',
                version: 1,
                params: { expression: `{{ trigger.score > ${lane + i} }}` },
              }
            : { id: nodeId, type: 'transform.set', version: 1, params: { values: { lane, step: i } } }
      nodes.push(node)
      edges.push(port ? { from: prev, port, to: nodeId } : { from: prev, to: nodeId })
      port = kind === 1 ? 'true' : undefined
      layout[nodeId] = { x: 260 * (i + 1), y: 140 * lane }
      prev = nodeId
    }
  }
  return { format: CURRENT_FORMAT, id, name: `Benchmark ${nodes.length} nodes`, nodes, edges, layout }
}
