import type { RunState, SimulateOptions } from '../../runtime/engine/types.ts'
import type { Playbook } from '../../runtime/format/schema.ts'
import type { runSteps, runs } from '../db/schema.ts'
import type { PendingResume, RunRecord, RunStep, RunSummary } from './run-store.ts'

type RunRow = typeof runs.$inferSelect
type StepRow = typeof runSteps.$inferSelect

const parse = (text: string | null): unknown => (text === null ? undefined : JSON.parse(text))

/** A `runs` row as a summary (no trigger, no state). */
export function toRunSummary(r: RunRow): RunSummary {
  return {
    id: r.id,
    playbookId: r.playbookId,
    version: r.version,
    mode: r.mode,
    status: r.status,
    ...(r.errorCode ? { error: { code: r.errorCode, message: r.errorMessage ?? '' } } : {}),
    queuedAt: r.queuedAt,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    claimedBy: r.claimedBy,
    claimedUntil: r.claimedUntil,
    claims: r.claims,
    parentRunId: r.parentRunId,
    retryOfRunId: r.retryOfRunId,
    retryFromNode: r.retryFromNode,
    createdBy: r.createdBy,
    cancelRequestedAt: r.cancelRequestedAt,
  }
}

/** Finds the playbook a checkpoint names by hash (`RunPlaybooks.get`). */
export type PlaybookOf = (hash: string) => Playbook | undefined

/**
 * A `runs` row with its documents parsed, its checkpoint given back the playbook stored apart.
 * Throws when that playbook is missing: continuing the run from scratch would repeat its actions.
 */
export function toRunRecord(r: RunRow, playbookOf: PlaybookOf): RunRecord {
  const state = parse(r.stateJson) as RunState | undefined
  if (state && r.playbookHash !== null && state.playbook === undefined) {
    const playbook = playbookOf(r.playbookHash)
    if (!playbook) throw new Error(`run ${r.id}: its playbook ${r.playbookHash} is not stored`)
    state.playbook = playbook
  }
  const resume = parse(r.resumeJson) as PendingResume | undefined
  const simulate = parse(r.simulateJson) as SimulateOptions | undefined
  return {
    ...toRunSummary(r),
    trigger: parse(r.triggerJson),
    ...(state ? { state } : {}),
    ...(resume ? { resume } : {}),
    ...(simulate ? { simulate } : {}),
  }
}

/** The kept log entries, then one marker for those dropped over the per-step cap. */
function logsOf(s: StepRow): unknown[] {
  const logs = (parse(s.logsJson) as unknown[] | undefined) ?? []
  const dropped = s.logCount - logs.length
  if (dropped > 0)
    logs.push({ level: 'warn', message: `${dropped} more lines dropped`, dropped, at: s.finishedAt ?? null })
  return logs
}

/** A `run_steps` row with its documents parsed. */
export function toRunStep(s: StepRow): RunStep {
  const input = parse(s.inputJson)
  const output = parse(s.outputJson)
  const error = parse(s.errorJson)
  return {
    nodeId: s.nodeId,
    attempt: s.attempt,
    status: s.status,
    ...(input === undefined ? {} : { input }),
    ...(output === undefined ? {} : { output }),
    ...(error === undefined ? {} : { error }),
    logs: logsOf(s),
    startedAt: s.startedAt,
    finishedAt: s.finishedAt,
  }
}
