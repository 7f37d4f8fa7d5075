import { and, count, desc, eq, gte, inArray, lt, notInArray, or, type SQL, sql } from 'drizzle-orm'
import type { RunEvent } from '../../runtime/engine/types.ts'
import type { Db } from '../db/open.ts'
import { runSteps, runs } from '../db/schema.ts'
import { decodeCursor, encodeCursor, pageSize } from './cursor.ts'
import { type StoreDeps, withDefaults } from './deps.ts'
import { groupCommit } from './group-commit.ts'
import { runHotStatements } from './run-hot-statements.ts'
import { runPlaybooks } from './run-playbooks.ts'
import type { RunFilter, RunStore } from './run-store.ts'
import { createRunJournal } from './sqlite-run-journal.ts'
import { toRunRecord, toRunStep, toRunSummary } from './sqlite-run-rows.ts'

const TERMINAL = ['succeeded', 'failed', 'cancelled', 'timed_out'] as const

function filterWhere(f: RunFilter): SQL[] {
  const where: SQL[] = []
  if (f.playbookId !== undefined) where.push(eq(runs.playbookId, f.playbookId))
  if (f.status !== undefined)
    where.push(Array.isArray(f.status) ? inArray(runs.status, f.status) : eq(runs.status, f.status))
  if (f.mode !== undefined) where.push(eq(runs.mode, f.mode))
  if (f.from !== undefined) where.push(gte(runs.queuedAt, f.from))
  if (f.to !== undefined) where.push(lt(runs.queuedAt, f.to))
  return where
}

/**
 * The `RunStore` on SQLite. Claiming is one `UPDATE … WHERE id = (SELECT … LIMIT 1) RETURNING`, which
 * SQLite runs under its single writer lock: two workers (threads or processes) never get one run.
 * New runs and journal batches go through the connection's group commit.
 * @example const runs = createSqliteRunStore(db); await runs.enqueue({ playbookId: 'triage', mode: 'test', trigger: {} })
 */
export function createSqliteRunStore(db: Db, deps?: StoreDeps): RunStore {
  const { now, ids } = withDefaults(deps)
  const playbooks = runPlaybooks(db.$client)
  const journal = createRunJournal(db)
  const record = (row: typeof runs.$inferSelect) => toRunRecord(row, playbooks.get)
  const writes = groupCommit(db.$client)
  // Hot paths on better-sqlite3 directly (returning rows already shaped as `runs.$inferSelect`):
  // drizzle's per-call mapping of the 24 columns cost about 5% of a whole run's persistence (bench/store.ts).
  const hot = runHotStatements(db.$client)
  /** Ends a run whose row cannot be read as failed, saying why, instead of starting it over. */
  const endUnreadable = async (row: typeof runs.$inferSelect, err: unknown) => {
    const at = now()
    const error = {
      code: 'RUN_UNREADABLE',
      message: `the stored state of run ${row.id} cannot be read (${err instanceof Error ? err.message : String(err)}): it was ended, not started over, which could repeat its actions`,
    }
    const event: RunEvent = {
      type: 'run.finished',
      runId: row.id,
      seq: row.seq,
      at,
      status: 'failed',
      error,
      durationMs: Math.max(0, at - (row.startedAt ?? at)),
    }
    await writes.submit(journal.prepare(row.id, { events: [event], finish: { status: 'failed', error, at } }))
  }

  return {
    async enqueue(run) {
      const values = {
        id: run.id ?? ids(),
        playbookId: run.playbookId,
        version: run.version ?? null,
        mode: run.mode,
        triggerJson: JSON.stringify(run.trigger ?? null),
        queuedAt: now(),
        parentRunId: run.parentRunId ?? null,
        retryOfRunId: run.retryOfRunId ?? null,
        retryFromNode: run.retryFromNode ?? null,
        createdBy: run.createdBy ?? null,
        simulateJson: run.simulate && run.mode === 'test' ? JSON.stringify(run.simulate) : null,
      }
      const row = await writes.submit(() => hot.insertRun.get(values))
      return record(row!)
    },

    async claim(workerId, leaseMs) {
      for (;;) {
        // In the group commit: a claim shares its commit with the journal writes of the same tick.
        const row = await writes.submit(() => {
          const t = now()
          return hot.claimNext.get({ workerId, until: t + leaseMs, now: t })
        })
        if (!row) return undefined
        try {
          return record(row)
        } catch (err) {
          // Its stored documents cannot be read (a damaged file): every claim would fail the same way.
          await endUnreadable(row, err)
        }
      }
    },

    async renewLease(runId, workerId, leaseMs) {
      const row = db
        .update(runs)
        .set({ claimedUntil: now() + leaseMs })
        .where(and(eq(runs.id, runId), eq(runs.claimedBy, workerId), eq(runs.status, 'running')))
        .returning({ cancel: runs.cancelRequestedAt })
        .get()
      if (!row) return 'lost'
      return row.cancel === null ? 'held' : 'cancel-requested'
    },

    async requestCancel(runId, at) {
      const r = db
        .update(runs)
        .set({ cancelRequestedAt: sql`coalesce(${runs.cancelRequestedAt}, ${at})` })
        .where(and(eq(runs.id, runId), eq(runs.status, 'running')))
        .run()
      return r.changes === 1
    },

    async record(runId, batch) {
      await writes.submit(journal.prepare(runId, batch))
    },

    async wake(runId, resume) {
      const r = db
        .update(runs)
        .set({ status: 'queued', resumeJson: JSON.stringify(resume) })
        .where(and(eq(runs.id, runId), eq(runs.status, 'waiting')))
        .run()
      return r.changes === 1
    },

    async cancelIdle(runId, at) {
      const r = db
        .update(runs)
        .set({ status: 'cancelled', finishedAt: at, resumeJson: null, claimedBy: null, claimedUntil: null })
        .where(and(eq(runs.id, runId), inArray(runs.status, ['queued', 'waiting'])))
        .run()
      return r.changes === 1
    },

    async requeueStale(t, opts = {}) {
      const stale = opts.ignoreLeases
        ? eq(runs.status, 'running')
        : and(eq(runs.status, 'running'), or(sql`${runs.claimedUntil} IS NULL`, lt(runs.claimedUntil, t)))
      return db
        .update(runs)
        .set({ status: 'queued', claimedBy: null, claimedUntil: null })
        .where(stale)
        .returning({ id: runs.id })
        .all()
        .map((r) => r.id)
    },

    async get(runId) {
      const row = db.select().from(runs).where(eq(runs.id, runId)).get()
      if (!row) return undefined
      const steps = db.select().from(runSteps).where(eq(runSteps.runId, runId)).orderBy(sql`rowid`).all()
      return { ...record(row), steps: steps.map(toRunStep) }
    },

    async list(filter = {}, page = {}) {
      const limit = pageSize(page.limit)
      const where = filterWhere(filter)
      if (page.cursor) {
        const [at, id] = decodeCursor(page.cursor)
        where.push(or(lt(runs.queuedAt, at), and(eq(runs.queuedAt, at), lt(runs.id, id)))!)
      }
      const rows = db
        .select()
        .from(runs)
        .where(and(...where))
        .orderBy(desc(runs.queuedAt), desc(runs.id))
        .limit(limit + 1)
        .all()
      const items = rows.slice(0, limit).map(toRunSummary)
      const last = items.at(-1)
      return rows.length > limit && last
        ? { items, nextCursor: encodeCursor([last.queuedAt, last.id]) }
        : { items }
    },

    async countQueued() {
      return db.select({ n: count() }).from(runs).where(eq(runs.status, 'queued')).get()?.n ?? 0
    },

    async countByStatus() {
      const rows = db.select({ status: runs.status, n: count() }).from(runs).groupBy(runs.status).all()
      return Object.fromEntries(rows.map((r) => [r.status, r.n]))
    },

    async prune({ before, keep }) {
      return db.transaction((tx) => {
        let removed = 0
        if (before !== undefined)
          removed += tx
            .delete(runs)
            .where(and(inArray(runs.status, TERMINAL), lt(runs.queuedAt, before)))
            .run().changes
        if (keep !== undefined) {
          const newest = tx
            .select({ id: runs.id })
            .from(runs)
            .where(inArray(runs.status, TERMINAL))
            .orderBy(desc(runs.queuedAt), desc(runs.id))
            .limit(keep)
          removed += tx
            .delete(runs)
            .where(and(inArray(runs.status, TERMINAL), notInArray(runs.id, newest)))
            .run().changes
        }
        // The playbooks only the deleted runs named.
        if (removed > 0) playbooks.pruneUnused()
        return removed
      })
    },
  }
}
