import type { RunStore } from '../store/run-store.ts'

export interface RecoverOptions {
  now?: number
  /**
   * Requeue every `running` run whatever its lease: right at the start of a single-process server,
   * where no other worker can hold one. Leave false when several processes share the queue.
   */
  ignoreLeases?: boolean
}

/** What recovery found. */
export interface RecoverReport {
  /** Runs put back in the queue with their last checkpoint. */
  requeued: string[]
  /** Runs in the queue now (new ones and requeued ones). */
  queued: number
  /** Runs waiting for a decision: untouched. */
  waiting: number
}

/**
 * Crash recovery at start (and periodically, as a reaper): runs left `running` by a dead worker go
 * back to the queue with their last checkpoint. The worker that claims one calls `engine.recover`
 * with that state, which marks an in-flight side-effecting node `INTERRUPTED` instead of repeating
 * it; a run without a checkpoint simply starts. Waiting runs keep waiting.
 * @example await recoverRuns(runs, { ignoreLeases: true })
 */
export async function recoverRuns(store: RunStore, opts: RecoverOptions = {}): Promise<RecoverReport> {
  const requeued = await store.requeueStale(opts.now ?? Date.now(), { ignoreLeases: opts.ignoreLeases })
  const counts = await store.countByStatus()
  return { requeued, queued: counts.queued ?? 0, waiting: counts.waiting ?? 0 }
}
