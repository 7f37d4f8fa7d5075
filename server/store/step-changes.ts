import type { RunEvent, RunState } from '../../runtime/engine/types.ts'
import { liveUpstream } from './step-input.ts'

/** What an event changes in its attempt's `run_steps` row (applied as an upsert). */
export interface AttemptChange {
  kind: 'attempt'
  nodeId: string
  attempt: number
  status: string
  /** A starting step: its input is read from these upstream steps' stored outputs when written. */
  from?: string[]
  output: string | null
  error: string | null
  startedAt: number | null
  finishedAt: number | null
}

/** What an event without an attempt (`waiting`, `cancelled`, `log`) changes in the node's latest attempt. */
export interface LatestChange {
  kind: 'latest'
  nodeId: string
  status: string | null
  log: string | null
  finishedAt: number | null
}

export type StepChange = AttemptChange | LatestChange

const attempt = (e: { nodeId: string; attempt: number }, rest: Partial<AttemptChange>): AttemptChange => ({
  kind: 'attempt',
  nodeId: e.nodeId,
  attempt: e.attempt,
  status: 'running',
  output: null,
  error: null,
  startedAt: null,
  finishedAt: null,
  ...rest,
})

/** The step change one event implies, serialised now; undefined for run-level events. */
function changeOf(e: RunEvent, state: RunState | undefined): StepChange | undefined {
  switch (e.type) {
    case 'node.started':
      return attempt(e, { startedAt: e.at, from: state ? liveUpstream(state, e.nodeId) : undefined })
    case 'node.succeeded':
      return attempt(e, {
        status: 'succeeded',
        output: JSON.stringify(e.output ?? null),
        startedAt: e.at - e.durationMs,
        finishedAt: e.at,
      })
    case 'node.failed':
    case 'node.retrying': {
      const error = {
        code: e.code,
        message: e.message,
        ...(e.type === 'node.failed' ? { handling: e.handling } : {}),
      }
      return attempt(e, { status: 'failed', error: JSON.stringify(error), finishedAt: e.at })
    }
    case 'node.skipped':
      return attempt({ nodeId: e.nodeId, attempt: 0 }, { status: 'skipped', finishedAt: e.at })
    case 'node.waiting':
      return { kind: 'latest', nodeId: e.nodeId, status: 'waiting', log: null, finishedAt: null }
    case 'node.cancelled':
      return { kind: 'latest', nodeId: e.nodeId, status: 'cancelled', log: null, finishedAt: e.at }
    case 'node.log': {
      const log = {
        level: e.level,
        message: e.message,
        at: e.at,
        ...(e.data === undefined ? {} : { data: e.data }),
      }
      return { kind: 'latest', nodeId: e.nodeId, status: null, log: JSON.stringify(log), finishedAt: null }
    }
    default:
      return undefined
  }
}

/** `next` applied over `prev` the way the step upsert's `ON CONFLICT` clause applies it. */
function merge(prev: AttemptChange, next: AttemptChange): void {
  prev.status = next.status
  prev.from = next.from ?? prev.from
  prev.output = next.output ?? prev.output
  prev.error = next.error ?? prev.error
  prev.startedAt = prev.startedAt ?? next.startedAt
  prev.finishedAt = next.finishedAt ?? prev.finishedAt
}

/**
 * The step changes of one batch's events, in order, serialised now (the checkpoint is live). Changes
 * to the same attempt are merged into one upsert (a node that starts and ends within a batch is one
 * write, not two) unless a change to the node's latest attempt (`waiting`, `cancelled`, `log`) came
 * between them, so the row ends as the changes one by one would leave it.
 * @example stepChanges(batch.events, batch.state) // [{ kind: 'attempt', nodeId: 'enrich', status: 'succeeded', … }]
 */
export function stepChanges(events: readonly RunEvent[], state: RunState | undefined): StepChange[] {
  const changes: StepChange[] = []
  const open = new Map<string, AttemptChange>()
  for (const e of events) {
    const change = changeOf(e, state)
    if (!change) continue
    if (change.kind === 'latest') {
      for (const [key, c] of open) if (c.nodeId === change.nodeId) open.delete(key)
      changes.push(change)
      continue
    }
    const key = `${change.attempt}\0${change.nodeId}`
    const prev = open.get(key)
    if (prev) merge(prev, change)
    else {
      open.set(key, change)
      changes.push(change)
    }
  }
  return changes
}
