import type { RunEvent } from '../../../../runtime/engine/types.ts'
import { DEFAULT_PORT, ERROR_PORT, type PlaybookEdge } from '../../../../runtime/format/schema.ts'
import { edgeKey, portOf } from '../store/rules/edge-key.ts'
import type { NodeOverlay, NodeRunStatus, RunOverlay } from '../store/types.ts'

/** A node's state in a trace: what the canvas shows, plus when it started and ended. */
export interface NodeTrace extends NodeOverlay {
  startedAt?: number
  finishedAt?: number
  /** What a waiting node waits for (an approval's request). */
  wait?: unknown
}

/** One attempt of one node on the time axis (`end` missing while it runs). */
export interface Span {
  nodeId: string
  attempt: number
  start: number
  end?: number
  status: NodeRunStatus
}

/** Everything the run panel and the run graph know about a run, built from its events. */
export interface RunTrace {
  runId: string
  /** `queued` until `run.started`, then the engine's run status. */
  status: string
  nodes: Record<string, NodeTrace>
  takenEdges: string[]
  spans: Span[]
  /** The last event applied; older or repeated events are ignored. */
  lastSeq: number
  startedAt?: number
  finishedAt?: number
  error?: { code: string; message: string; nodeId?: string }
}

/** A playbook's edges grouped by source node, to light up the edges of fired ports. */
export type EdgeIndex = ReadonlyMap<string, readonly PlaybookEdge[]>

/** Groups edges by source node. */
export function indexEdges(edges: readonly PlaybookEdge[]): EdgeIndex {
  const index = new Map<string, PlaybookEdge[]>()
  for (const edge of edges) {
    const list = index.get(edge.from)
    if (list) list.push(edge)
    else index.set(edge.from, [edge])
  }
  return index
}

/** A trace before any event: the run is queued. */
export function emptyTrace(runId: string): RunTrace {
  return { runId, status: 'queued', nodes: {}, takenEdges: [], spans: [], lastSeq: -1 }
}

/** The terminal run statuses (a `waiting` run goes on after a decision). */
export const RUN_ENDED = new Set(['succeeded', 'failed', 'cancelled', 'timed_out'])

/**
 * Applies a batch of run events to a trace and returns the new trace (the input is not changed; the
 * same object comes back when no event applied). Events of another run, and events at or before
 * `lastSeq` (a replay after a reconnect), are ignored.
 * @example const t = applyEvents(emptyTrace('r1'), events, indexEdges(playbook.edges))
 */
export function applyEvents(trace: RunTrace, events: readonly RunEvent[], edges: EdgeIndex): RunTrace {
  const fresh = events.filter((e) => e.seq > trace.lastSeq && e.runId === trace.runId)
  if (fresh.length === 0) return trace
  const next: RunTrace = { ...trace, nodes: { ...trace.nodes }, spans: [...trace.spans] }
  const taken = new Set(trace.takenEdges)
  /** Merges a patch into a node's trace; an `undefined` field in the patch removes that field. */
  const put = (nodeId: string, patch: Partial<NodeTrace>) => {
    const merged: NodeTrace = { status: 'running', ...next.nodes[nodeId], ...patch }
    for (const key of Object.keys(patch) as (keyof NodeTrace)[])
      if (patch[key] === undefined) delete merged[key]
    next.nodes[nodeId] = merged
  }
  const endSpan = (nodeId: string, attempt: number | undefined, at: number, status: NodeRunStatus) => {
    for (let i = next.spans.length - 1; i >= 0; i--) {
      const span = next.spans[i]!
      if (span.nodeId !== nodeId || (attempt !== undefined && span.attempt !== attempt)) continue
      if (span.end === undefined) next.spans[i] = { ...span, end: at, status }
      return
    }
  }
  const fire = (nodeId: string, ports: readonly string[]) => {
    for (const edge of edges.get(nodeId) ?? []) if (ports.includes(portOf(edge))) taken.add(edgeKey(edge))
  }

  for (const e of fresh.sort((a, b) => a.seq - b.seq)) {
    // A batch may hold an event twice (replayed after a reconnect before the batch was applied).
    if (e.seq <= next.lastSeq) continue
    next.lastSeq = e.seq
    switch (e.type) {
      case 'run.started':
        next.status = 'running'
        next.startedAt ??= e.at
        break
      case 'run.finished':
        next.status = e.status
        if (e.status !== 'waiting') next.finishedAt = e.at
        if (e.error) next.error = e.error
        break
      case 'node.started':
        put(e.nodeId, {
          status: 'running',
          attempt: e.attempt,
          startedAt: e.at,
          finishedAt: undefined,
          durationMs: undefined,
          wait: undefined,
        })
        next.spans.push({ nodeId: e.nodeId, attempt: e.attempt, start: e.at, status: 'running' })
        break
      case 'node.succeeded': {
        const status = e.simulated ? 'simulated' : 'succeeded'
        const start = next.nodes[e.nodeId]?.startedAt ?? e.at - e.durationMs
        put(e.nodeId, {
          status,
          attempt: e.attempt,
          durationMs: e.durationMs,
          startedAt: start,
          finishedAt: e.at,
          error: undefined,
          wait: undefined,
          ...(e.ports[0] !== undefined ? { port: e.ports[0] } : {}),
        })
        endSpan(e.nodeId, e.attempt, e.at, status)
        fire(e.nodeId, e.ports)
        break
      }
      case 'node.failed': {
        const ports = e.handling === 'continue' ? [DEFAULT_PORT] : e.handling === 'error' ? [ERROR_PORT] : []
        put(e.nodeId, {
          status: 'failed',
          attempt: e.attempt,
          durationMs: e.durationMs,
          finishedAt: e.at,
          error: { code: e.code, message: e.message },
          ...(ports[0] !== undefined ? { port: ports[0] } : {}),
        })
        endSpan(e.nodeId, e.attempt, e.at, 'failed')
        fire(e.nodeId, ports)
        break
      }
      case 'node.retrying':
        put(e.nodeId, { status: 'running', attempt: e.attempt, error: { code: e.code, message: e.message } })
        endSpan(e.nodeId, e.attempt, e.at, 'failed')
        break
      case 'node.skipped':
        put(e.nodeId, { status: 'skipped', finishedAt: e.at })
        break
      case 'node.waiting':
        put(e.nodeId, { status: 'waiting', wait: e.wait })
        for (let i = next.spans.length - 1; i >= 0; i--)
          if (next.spans[i]!.nodeId === e.nodeId) {
            next.spans[i] = { ...next.spans[i]!, status: 'waiting' }
            break
          }
        break
      case 'node.cancelled':
        put(e.nodeId, { status: 'cancelled', finishedAt: e.at })
        endSpan(e.nodeId, undefined, e.at, 'cancelled')
        break
      default:
        break
    }
  }
  next.takenEdges = taken.size === trace.takenEdges.length ? trace.takenEdges : [...taken]
  return next
}

/** The part of a trace the canvas draws (`store.setOverlay`). */
export function toOverlay(trace: RunTrace): RunOverlay {
  const nodes: Record<string, NodeOverlay> = {}
  for (const [id, n] of Object.entries(trace.nodes)) {
    const { startedAt: _s, finishedAt: _f, wait: _w, ...shown } = n
    nodes[id] = shown
  }
  return { runId: trace.runId, status: trace.status, nodes, takenEdges: trace.takenEdges }
}
