import { formatDuration } from '../../lib/format-time.ts'
import { StatusBadge } from '../../lib/StatusBadge.tsx'
import { statusLabel } from '../../lib/status.ts'
import { RUN_ENDED, type RunTrace } from './overlay.ts'

/** A row of the list: a node and what the trace says about it. */
interface Row {
  id: string
  name: string | undefined
  status: string
  attempt: number | undefined
  durationMs: number | undefined
}

/**
 * The playbook's nodes in the order they started (nodes not reached yet last, as `pending`, or
 * `not run` once the run is over).
 */
export function traceRows(trace: RunTrace, nodes: readonly { id: string; name?: string }[]): Row[] {
  const order = new Map<string, number>()
  for (const span of trace.spans) if (!order.has(span.nodeId)) order.set(span.nodeId, order.size)
  const rank = (id: string) => order.get(id) ?? (trace.nodes[id] ? order.size : order.size + 1)
  const notReached = RUN_ENDED.has(trace.status) ? 'not run' : 'pending'
  return nodes
    .map((n, index) => ({ n, index }))
    .sort((a, b) => rank(a.n.id) - rank(b.n.id) || a.index - b.index)
    .map(({ n }) => {
      const t = trace.nodes[n.id]
      return {
        id: n.id,
        name: n.name,
        status: t?.status ?? notReached,
        attempt: t?.attempt,
        durationMs: t?.durationMs,
      }
    })
}

/**
 * The live list of node states with their timings; a click selects the node (its details open).
 * @example <TraceList trace={trace} nodes={playbook.nodes} selected="vt" onSelect={select} />
 */
export function TraceList({
  trace,
  nodes,
  selected,
  onSelect,
}: {
  trace: RunTrace
  nodes: readonly { id: string; name?: string }[]
  selected: string | undefined
  onSelect(nodeId: string): void
}) {
  return (
    <ul className="run-trace" aria-label="Node states">
      {traceRows(trace, nodes).map((row) => (
        <li key={row.id}>
          <button
            type="button"
            className="run-trace-row"
            aria-pressed={selected === row.id}
            aria-label={`Node ${row.id}: ${statusLabel(row.status)}`}
            onClick={() => onSelect(row.id)}
          >
            <span className="mono">{row.id}</span>
            {row.name ? <span className="muted run-trace-name">{row.name}</span> : null}
            <StatusBadge status={row.status} />
            {row.attempt !== undefined && row.attempt > 1 ? (
              <span className="muted">attempt {row.attempt}</span>
            ) : null}
            <span className="muted run-trace-time">
              {row.durationMs !== undefined ? formatDuration(row.durationMs) : ''}
            </span>
          </button>
        </li>
      ))}
    </ul>
  )
}
