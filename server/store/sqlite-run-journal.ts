import type Database from 'better-sqlite3'
import type { Db } from '../db/open.ts'
import { runPlaybooks } from './run-playbooks.ts'
import type { RunBatch } from './run-store.ts'
import { type StepChange, stepChanges } from './step-changes.ts'

/** Log entries kept per step; later ones are only counted (`log_count`), shown as one marker. */
export const MAX_STEP_LOGS = 200

/**
 * The hot write path: a run's events, the steps they imply, its checkpoint and its end. Raw prepared
 * statements rather than the query builder, because this runs for every event of every run and the
 * SQL (upserts, `json_insert`) reads better as SQL.
 */
export interface RunJournal {
  /**
   * Serialises a batch now (the checkpoint is live and keeps changing) and returns its writes, to run
   * inside a transaction (e.g. a `GroupCommit` submission). Throws on a batch that names another run.
   */
  prepare(runId: string, batch: RunBatch): () => void
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
  const playbooks = runPlaybooks(sqlite)
  const insertEvent = sqlite.prepare(
    'INSERT INTO run_events (run_id, seq, type, node_id, at, json) VALUES (?, ?, ?, ?, ?, ?)',
  )
  const upsertStep = sqlite.prepare(STEP_UPSERT)
  const latestStep = sqlite.prepare(STEP_LATEST)
  const latestOutput = sqlite.prepare(LATEST_OUTPUT).pluck()

  /**
   * A starting step's input, `{ [upstreamId]: output }`, from the upstream steps' stored outputs
   * (already redacted and truncated, unlike the checkpoint's). `from` are the live upstream nodes of
   * the checkpoint, taken when the batch was prepared; an upstream without a step in this run (an
   * output reused by a retry) is left out.
   */
  const inputOf = (runId: string, from: string[] | undefined): string | null => {
    if (!from) return null
    const parts: string[] = []
    for (const id of from) {
      const out = latestOutput.get(runId, id) as string | null | undefined
      if (typeof out === 'string') parts.push(`${JSON.stringify(id)}:${out}`)
    }
    return `{${parts.join(',')}}`
  }
  const checkpoint = sqlite.prepare(`
UPDATE runs SET state_json = @state, playbook_hash = @playbookHash, seq = @seq, resume_json = NULL,
  status = CASE WHEN status IN ${TERMINAL} THEN status ELSE @status END,
  started_at = coalesce(started_at, @startedAt),
  claimed_by = CASE WHEN @status = 'waiting' THEN NULL ELSE claimed_by END,
  claimed_until = CASE WHEN @status = 'waiting' THEN NULL ELSE claimed_until END
WHERE id = @runId`)
  const finish = sqlite.prepare(`
UPDATE runs SET status = @status, finished_at = @at, error_code = @code, error_message = @message,
  claimed_by = NULL, claimed_until = NULL, resume_json = NULL
WHERE id = @runId`)
  // The last checkpoint and the end together, as the two statements above one after the other leave it.
  const checkpointAndFinish = sqlite.prepare(`
UPDATE runs SET state_json = @state, playbook_hash = @playbookHash, seq = @seq, resume_json = NULL,
  status = @status,
  started_at = coalesce(started_at, @startedAt), finished_at = @at, error_code = @code,
  error_message = @message, claimed_by = NULL, claimed_until = NULL
WHERE id = @runId`)

  const writeStep = (runId: string, c: StepChange) => {
    if (c.kind === 'latest') return latestStep.run({ runId, ...c })
    const { from, kind: _, ...values } = c
    return upsertStep.run({ runId, ...values, input: inputOf(runId, from) })
  }

  return {
    prepare(runId, batch) {
      const events = batch.events.map((e) => {
        if (e.runId !== runId) throw new Error(`event of run ${e.runId} recorded under run ${runId}`)
        return [runId, e.seq, e.type, 'nodeId' in e ? e.nodeId : null, e.at, JSON.stringify(e)] as const
      })
      const steps = stepChanges(batch.events, batch.state)
      const { state, finish: end } = batch
      // The playbook goes to `run_playbooks` once; the checkpoint names it by its hash.
      const doc = state?.playbook ? playbooks.keyOf(state.playbook) : undefined
      const saved = state && {
        runId,
        state: JSON.stringify(doc ? { ...state, playbook: undefined } : state),
        playbookHash: doc?.hash ?? null,
        seq: state.seq,
        status: state.status,
        startedAt: state.startedAt,
      }
      const ended = end && {
        runId,
        status: end.status,
        at: end.at,
        code: end.error?.code ?? null,
        message: end.error?.message ?? null,
      }
      return () => {
        for (const row of events) insertEvent.run(row)
        for (const c of steps) writeStep(runId, c)
        if (doc) playbooks.put(doc.hash, doc.json)
        if (saved && ended) checkpointAndFinish.run({ ...saved, ...ended })
        else if (saved) checkpoint.run(saved)
        else if (ended) finish.run(ended)
      }
    },
  }
}
