import type Database from 'better-sqlite3'
import type { RunEvent, RunState } from '../../runtime/engine/types.ts'
import type { Db } from '../db/open.ts'
import type { RunBatch } from './run-store.ts'
import { liveUpstream } from './step-input.ts'

/** Log entries kept per step; later ones are only counted (`log_count`), shown as one marker. */
export const MAX_STEP_LOGS = 200

/**
 * The hot write path: a run's events, the steps they imply, its checkpoint and its end, written in
 * one transaction per batch. Raw prepared statements rather than the query builder, because this runs
 * for every event of every run and the SQL (upserts, `json_insert`) reads better as SQL.
 */
export interface RunJournal {
  /** Writes one batch atomically; throws (and writes nothing) if any part fails. */
  write(runId: string, batch: RunBatch): void
}

const TERMINAL = `('succeeded','failed','cancelled','timed_out')`

/** Upsert of a step attempt that an event names (`started`, `succeeded`, `failed`, `retrying`, `skipped`). */
const STEP_UPSERT = `
INSERT INTO run_steps (run_id, node_id, attempt, status, input_json, output_json, error_json, started_at, finished_at)
VALUES (@runId, @nodeId, @attempt, @status, @input, @output, @error, @startedAt, @finishedAt)
ON CONFLICT (run_id, node_id, attempt) DO UPDATE SET
  status = excluded.status,
  input_json = coalesce(excluded.input_json, input_json),
  output_json = coalesce(excluded.output_json, output_json),
  error_json = coalesce(excluded.error_json, error_json),
  started_at = coalesce(started_at, excluded.started_at),
  finished_at = coalesce(excluded.finished_at, finished_at)`

/**
 * Events without an attempt (`waiting`, `cancelled`, `log`) apply to the node's latest attempt. Past
 * `MAX_STEP_LOGS` entries a log only bumps `log_count`: no JSON is parsed or rewritten for it.
 */
const STEP_LATEST = `
INSERT INTO run_steps (run_id, node_id, attempt, status, logs_json, log_count, finished_at)
SELECT @runId, @nodeId,
  coalesce((SELECT max(attempt) FROM run_steps WHERE run_id = @runId AND node_id = @nodeId), 1),
  coalesce(@status, 'running'), CASE WHEN @log IS NULL THEN NULL ELSE json_array(json(@log)) END,
  CASE WHEN @log IS NULL THEN 0 ELSE 1 END, @finishedAt
WHERE true
ON CONFLICT (run_id, node_id, attempt) DO UPDATE SET
  status = coalesce(@status, status),
  logs_json = CASE WHEN @log IS NULL OR log_count >= ${MAX_STEP_LOGS} THEN logs_json
    ELSE json_insert(coalesce(logs_json, '[]'), '$[#]', json(@log)) END,
  log_count = log_count + CASE WHEN @log IS NULL THEN 0 ELSE 1 END,
  finished_at = coalesce(@finishedAt, finished_at)`

/** The stored (redacted, truncated) output of a node's latest successful attempt. */
const LATEST_OUTPUT = `
SELECT output_json FROM run_steps
WHERE run_id = ? AND node_id = ? AND status = 'succeeded' ORDER BY attempt DESC LIMIT 1`

/** Prepares the journal's statements once per connection. */
export function createRunJournal(db: Db): RunJournal {
  const sqlite: Database.Database = db.$client
  const insertEvent = sqlite.prepare(
    'INSERT INTO run_events (run_id, seq, type, node_id, at, json) VALUES (?, ?, ?, ?, ?, ?)',
  )
  const upsertStep = sqlite.prepare(STEP_UPSERT)
  const latestStep = sqlite.prepare(STEP_LATEST)
  const latestOutput = sqlite.prepare(LATEST_OUTPUT).pluck()

  /**
   * A starting step's input, `{ [upstreamId]: output }`, from the checkpoint's live edges and the
   * upstream steps' stored outputs (already redacted and truncated, unlike the checkpoint's). An
   * upstream without a step in this run (an output reused by a retry) is left out.
   */
  const inputOf = (runId: string, nodeId: string, state: RunState | undefined): string | null => {
    if (!state) return null
    const parts: string[] = []
    for (const from of liveUpstream(state, nodeId)) {
      const out = latestOutput.get(runId, from) as string | null | undefined
      if (typeof out === 'string') parts.push(`${JSON.stringify(from)}:${out}`)
    }
    return `{${parts.join(',')}}`
  }
  const checkpoint = sqlite.prepare(`
UPDATE runs SET state_json = @state, seq = @seq, resume_json = NULL,
  status = CASE WHEN status IN ${TERMINAL} THEN status ELSE @status END,
  started_at = coalesce(started_at, @startedAt),
  claimed_by = CASE WHEN @status = 'waiting' THEN NULL ELSE claimed_by END,
  claimed_until = CASE WHEN @status = 'waiting' THEN NULL ELSE claimed_until END
WHERE id = @runId`)
  const finish = sqlite.prepare(`
UPDATE runs SET status = @status, finished_at = @at, error_code = @code, error_message = @message,
  claimed_by = NULL, claimed_until = NULL, resume_json = NULL
WHERE id = @runId`)

  const step = (runId: string, e: RunEvent, state: RunState | undefined) => {
    const base = { runId, input: null, output: null, error: null, startedAt: null, finishedAt: null }
    switch (e.type) {
      case 'node.started':
        return upsertStep.run({
          ...base,
          nodeId: e.nodeId,
          attempt: e.attempt,
          status: 'running',
          input: inputOf(runId, e.nodeId, state),
          startedAt: e.at,
        })
      case 'node.succeeded':
        return upsertStep.run({
          ...base,
          nodeId: e.nodeId,
          attempt: e.attempt,
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
        return upsertStep.run({
          ...base,
          nodeId: e.nodeId,
          attempt: e.attempt,
          status: 'failed',
          error: JSON.stringify(error),
          finishedAt: e.at,
        })
      }
      case 'node.skipped':
        return upsertStep.run({ ...base, nodeId: e.nodeId, attempt: 0, status: 'skipped', finishedAt: e.at })
      case 'node.waiting':
        return latestStep.run({ runId, nodeId: e.nodeId, status: 'waiting', log: null, finishedAt: null })
      case 'node.cancelled':
        return latestStep.run({ runId, nodeId: e.nodeId, status: 'cancelled', log: null, finishedAt: e.at })
      case 'node.log': {
        const log = {
          level: e.level,
          message: e.message,
          at: e.at,
          ...(e.data === undefined ? {} : { data: e.data }),
        }
        return latestStep.run({
          runId,
          nodeId: e.nodeId,
          status: null,
          log: JSON.stringify(log),
          finishedAt: null,
        })
      }
      default:
        return undefined
    }
  }

  const write = sqlite.transaction((runId: string, batch: RunBatch) => {
    for (const e of batch.events) {
      if (e.runId !== runId) throw new Error(`event of run ${e.runId} recorded under run ${runId}`)
      insertEvent.run(runId, e.seq, e.type, 'nodeId' in e ? e.nodeId : null, e.at, JSON.stringify(e))
      step(runId, e, batch.state)
    }
    if (batch.state)
      checkpoint.run({
        runId,
        state: JSON.stringify(batch.state),
        seq: batch.state.seq,
        status: batch.state.status,
        startedAt: batch.state.startedAt,
      })
    if (batch.finish)
      finish.run({
        runId,
        status: batch.finish.status,
        at: batch.finish.at,
        code: batch.finish.error?.code ?? null,
        message: batch.finish.error?.message ?? null,
      })
  })

  return { write: (runId, batch) => write.immediate(runId, batch) }
}
