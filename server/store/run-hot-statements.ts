import type Database from 'better-sqlite3'
import { getTableColumns } from 'drizzle-orm'
import { runs } from '../db/schema.ts'

type RunRow = typeof runs.$inferSelect

/** `RETURNING` every column of `runs` under its property name, so rows need no mapping. */
const RETURNING = Object.entries(getTableColumns(runs))
  .map(([key, column]) => `"${column.name}" AS "${key}"`)
  .join(', ')

/**
 * The run store's statements on the webhook's hot path, prepared on the connection itself: the
 * enqueue of a new run and the claim of the oldest queued one, each returning the whole row.
 * @example const hot = runHotStatements(db.$client); hot.claimNext.get({ workerId, until, now })
 */
export function runHotStatements(sqlite: Database.Database) {
  const insertRun = sqlite.prepare<
    {
      id: string
      playbookId: string
      version: number | null
      mode: string
      triggerJson: string
      queuedAt: number
      parentRunId: string | null
      retryOfRunId: string | null
      retryFromNode: string | null
      createdBy: string | null
      simulateJson: string | null
    },
    RunRow
  >(`INSERT INTO runs (id, playbook_id, version, mode, status, trigger_json, queued_at, parent_run_id,
    retry_of_run_id, retry_from_node, created_by, simulate_json)
  VALUES (@id, @playbookId, @version, @mode, 'queued', @triggerJson, @queuedAt, @parentRunId,
    @retryOfRunId, @retryFromNode, @createdBy, @simulateJson)
  RETURNING ${RETURNING}`)
  const claimNext = sqlite.prepare<{ workerId: string; until: number; now: number }, RunRow>(
    `UPDATE runs SET status = 'running', claimed_by = @workerId, claimed_until = @until,
    started_at = coalesce(started_at, @now), claims = claims + 1
  WHERE status = 'queued' AND id = (
    SELECT id FROM runs WHERE status = 'queued' ORDER BY queued_at ASC, id ASC LIMIT 1)
  RETURNING ${RETURNING}`,
  )
  return { insertRun, claimNext }
}
