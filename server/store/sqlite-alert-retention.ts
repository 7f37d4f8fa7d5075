import type { Db } from '../db/open.ts'

/** Alerts deleted per transaction, so a large first pass never holds the write lock for long. */
const BATCH = 5000

/**
 * Deletes alerts received before `before`, in batches, except those a user or a watch still needs:
 * alerts of a case that is not resolved or closed (its evidence), and the newest alert of each
 * (mode, source, host, rule) (what `trigger.silence` measures silence from, so pruning never makes
 * an ongoing silence look new and fire twice). Their case keeps its `alertCount`. Returns how many
 * alerts were deleted.
 * @example pruneAlerts(db, Date.now() - 30 * 86_400_000) // 1204
 */
export function pruneAlerts(db: Db, before: number): number {
  const sqlite = db.$client
  const batch = sqlite.prepare(`
    DELETE FROM alerts WHERE rowid IN (
      SELECT a.rowid FROM alerts a
      LEFT JOIN cases c ON c.id = a.case_id
      WHERE a.received_at < @before
        AND (a.case_id IS NULL OR c.status IN ('resolved', 'closed'))
        AND EXISTS (
          SELECT 1 FROM alerts b
          WHERE b.source = a.source AND b.mode = a.mode AND b.host IS a.host AND b.rule_id IS a.rule_id
            AND (b.received_at > a.received_at OR (b.received_at = a.received_at AND b.rowid > a.rowid))
        )
      LIMIT ${BATCH}
    )`)
  let removed = 0
  for (;;) {
    const n = sqlite.transaction(() => batch.run({ before }).changes).immediate()
    removed += n
    if (n < BATCH) return removed
  }
}
