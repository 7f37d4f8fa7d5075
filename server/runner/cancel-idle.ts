import type { Clock, RunEvent } from '../../runtime/engine/types.ts'
import type { ApprovalStore } from '../store/approval-store.ts'
import type { RunDetail, RunStore } from '../store/run-store.ts'
import type { RunEventSink, RunFinished } from './types.ts'

export interface CancelIdleDeps {
  runs: RunStore
  approvals: ApprovalStore
  clock: Clock
  bus?: RunEventSink
  onRunFinished?(run: RunFinished): void
}

const CANCELLED = { code: 'CANCELLED', message: 'run cancelled' }

/**
 * Cancels a queued or waiting run (no worker runs it): marks it cancelled, closes its open approvals,
 * stores a final `run.finished` event and tells watchers. False if the run is not idle any more.
 * @example if (await cancelIdleRun(deps, await runs.get(id))) return { status: 'cancelled' }
 */
export async function cancelIdleRun(deps: CancelIdleDeps, run: RunDetail): Promise<boolean> {
  const at = deps.clock.now()
  if (!(await deps.runs.cancelIdle(run.id, at))) return false
  await deps.approvals.closeForRun(run.id, 'cancelled')
  const startedAt = run.state?.startedAt ?? run.startedAt ?? at
  const event: RunEvent = {
    type: 'run.finished',
    runId: run.id,
    seq: run.state?.seq ?? 0,
    at,
    status: 'cancelled',
    error: CANCELLED,
    durationMs: Math.max(0, at - startedAt),
  }
  await deps.runs.record(run.id, { events: [event] })
  deps.bus?.publish(run.id, event)
  deps.onRunFinished?.({
    runId: run.id,
    playbookId: run.playbookId,
    mode: run.mode,
    status: 'cancelled',
    durationMs: event.durationMs,
    error: CANCELLED,
  })
  return true
}
