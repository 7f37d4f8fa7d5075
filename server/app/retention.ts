import type Database from 'better-sqlite3'
import type { RunStore } from '../store/run-store.ts'
import type { Logger } from './logger.ts'

const DAY = 86_400_000

/** Retention settings (`BULWARK_RETENTION_DAYS`, `BULWARK_RETENTION_MAX_RUNS`); 0 turns a rule off. */
export interface RetentionSettings {
  /** Finished runs queued longer ago than this many days are deleted (default 30). */
  days: number
  /** At most this many finished runs are kept, the newest (default 100,000). */
  maxRuns: number
}

export interface RetentionOptions extends RetentionSettings {
  runs: Pick<RunStore, 'prune'>
  /** Deletes alerts received before a time (those still needed excepted); returns how many. */
  alerts?: { prune(before: number): number }
  /** The raw connection: free-page accounting, vacuum and WAL checkpoint. */
  sqlite: Database.Database
  now: () => number
  log?: Logger
  /** Between passes; default one hour. */
  intervalMs?: number
  /**
   * Reclaim space once free pages are at least this share of the file (default 0.25): with
   * `auto_vacuum = INCREMENTAL` by `PRAGMA incremental_vacuum`, otherwise by a full `VACUUM`.
   */
  vacuumRatio?: number
  /** Below this many free pages nothing is reclaimed (default 1,024 pages, 4 MB at 4 KB pages). */
  minFreePages?: number
}

/** What one pass did. */
export interface RetentionReport {
  removed: number
  /** Alerts deleted (older than `days`, of no open case, not the newest of their source). */
  removedAlerts: number
  /** How free pages were given back to the file system. */
  reclaimed: 'none' | 'incremental' | 'vacuum'
  /** File size in pages before and after the pass. */
  pagesBefore: number
  pagesAfter: number
}

export interface Retention {
  /** Runs one pass now, then one every `intervalMs` (the timer does not keep the process alive). */
  start(): Promise<RetentionReport>
  stop(): void
  /** One pass: prune by age and count, then reclaim space if much is free. */
  runOnce(): Promise<RetentionReport>
}

/**
 * Run-data retention: deletes finished runs (their events, steps and approvals cascade) older than
 * `days` and beyond the newest `maxRuns`, through `RunStore.prune`; queued, running and waiting runs
 * are never touched. Alerts older than `days` go too, except those of open cases and the newest of
 * each source (see `pruneAlerts`); cases stay, with their KPI timestamps. SQLite does not shrink a file by deleting rows, so when the free pages reach
 * `vacuumRatio` of the file the pass gives them back: `PRAGMA incremental_vacuum` when the database
 * was created with `auto_vacuum = INCREMENTAL`, else a full `VACUUM` (which rewrites the file and
 * holds the write lock while it runs, so it only happens after large deletions). The WAL is then
 * checkpointed and truncated so it does not keep the deleted pages either.
 * @example const r = createRetention({ runs: stores.runs, sqlite, now: Date.now, days: 30, maxRuns: 100_000 }); await r.start()
 */
export function createRetention(opts: RetentionOptions): Retention {
  const intervalMs = opts.intervalMs ?? 3_600_000
  const ratio = opts.vacuumRatio ?? 0.25
  const minFree = opts.minFreePages ?? 1024
  const { sqlite } = opts
  let timer: ReturnType<typeof setInterval> | undefined
  let busy: Promise<RetentionReport> | undefined

  const pragma = (name: string): number => Number(sqlite.pragma(name, { simple: true }) ?? 0)

  function reclaim(): RetentionReport['reclaimed'] {
    const pages = pragma('page_count')
    const free = pragma('freelist_count')
    if (free < minFree || free < pages * ratio) return 'none'
    // 0 NONE, 1 FULL (SQLite frees pages at each commit), 2 INCREMENTAL.
    const mode = pragma('auto_vacuum')
    if (mode === 1) return 'none'
    if (mode === 2) sqlite.pragma('incremental_vacuum')
    else sqlite.exec('VACUUM')
    sqlite.pragma('wal_checkpoint(TRUNCATE)')
    return mode === 2 ? 'incremental' : 'vacuum'
  }

  async function pass(): Promise<RetentionReport> {
    const pagesBefore = pragma('page_count')
    const before = opts.days > 0 ? opts.now() - opts.days * DAY : undefined
    const keep = opts.maxRuns > 0 ? opts.maxRuns : undefined
    const removed = before === undefined && keep === undefined ? 0 : await opts.runs.prune({ before, keep })
    const removedAlerts = before !== undefined && opts.alerts ? opts.alerts.prune(before) : 0
    const reclaimed = removed + removedAlerts > 0 ? reclaim() : 'none'
    const report = { removed, removedAlerts, reclaimed, pagesBefore, pagesAfter: pragma('page_count') }
    if (removed + removedAlerts > 0) opts.log?.('info', 'retention pruned runs and alerts', { ...report })
    return report
  }

  function runOnce(): Promise<RetentionReport> {
    // One pass at a time: a slow pass is not overlapped by the next tick.
    busy ??= pass().finally(() => {
      busy = undefined
    })
    return busy
  }

  return {
    async start() {
      if (!timer) {
        timer = setInterval(() => {
          runOnce().catch((err) => opts.log?.('error', 'retention failed', { error: String(err) }))
        }, intervalMs)
        timer.unref?.()
      }
      return runOnce()
    },
    stop() {
      if (timer) clearInterval(timer)
      timer = undefined
    },
    runOnce,
  }
}
