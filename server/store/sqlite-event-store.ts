import { and, asc, eq, gt } from 'drizzle-orm'
import type { RunEvent } from '../../runtime/engine/types.ts'
import type { Db } from '../db/open.ts'
import { runEvents } from '../db/schema.ts'
import type { EventStore } from './event-store.ts'
import { groupCommit } from './group-commit.ts'
import { createRunJournal } from './sqlite-run-journal.ts'

/**
 * The `EventStore` on SQLite: appends go through the run journal (so steps stay in step with events),
 * replays read `(run_id, seq)`, the table's primary key.
 * @example await events.list(runId, { afterSeq: Number(lastEventId) })
 */
export function createSqliteEventStore(db: Db): EventStore {
  const journal = createRunJournal(db)
  const writes = groupCommit(db.$client)
  return {
    async append(events) {
      if (events.length === 0) return
      const byRun = [...Map.groupBy(events, (e) => e.runId)]
      const all = byRun.map(([runId, list]) => journal.prepare(runId, { events: list }))
      await writes.submit(() => {
        for (const write of all) write()
      })
    },
    async list(runId, opts = {}) {
      return db
        .select({ json: runEvents.json })
        .from(runEvents)
        .where(and(eq(runEvents.runId, runId), gt(runEvents.seq, opts.afterSeq ?? -1)))
        .orderBy(asc(runEvents.seq))
        .limit(Math.max(1, Math.min(opts.limit ?? 10_000, 10_000)))
        .all()
        .map((r) => JSON.parse(r.json) as RunEvent)
    },
  }
}
