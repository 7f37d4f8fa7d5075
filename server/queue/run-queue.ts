import type { RunResult } from '../../runtime/engine/types.ts'
import type { LeaseStatus, NewRun, PendingResume, RunRecord, RunStore } from '../store/run-store.ts'

/** The run queue workers pull from: a swap to another backend keeps this interface. */
export interface RunQueue {
  /** Queues a run and wakes idle workers. */
  enqueue(run: NewRun): Promise<RunRecord>
  /** The next run for `workerId`, leased for the queue's lease time; undefined when empty. */
  claim(workerId: string): Promise<RunRecord | undefined>
  /**
   * Puts a waiting run back in the queue with the decision to resume it with, and wakes idle workers;
   * false when the run is not waiting (nobody is woken).
   */
  wake(runId: string, resume: PendingResume): Promise<boolean>
  /**
   * Extends the lease of a run the worker still holds (call it well within the lease): `lost` when it
   * no longer does, `cancel-requested` when another process asked to cancel the run.
   */
  renew(runId: string, workerId: string): Promise<LeaseStatus>
  /** Records the end of a run that finished without a recorder (e.g. it failed to load). */
  complete(runId: string, result: Pick<RunResult, 'status' | 'error'>): Promise<void>
  /** Calls `listener` whenever a run is queued or woken; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void
}

export interface RunQueueOptions {
  /** How long a claim lasts without renewal (default 30 s); a crashed worker's runs return after it. */
  leaseMs?: number
  now?: () => number
}

/**
 * A `RunQueue` over a `RunStore`, with in-process wake-ups (a shared backend would use its own
 * notifications, e.g. PostgreSQL LISTEN/NOTIFY).
 * @example const queue = createRunQueue(runs); const run = await queue.claim('worker-1')
 */
export function createRunQueue(store: RunStore, opts: RunQueueOptions = {}): RunQueue {
  const leaseMs = opts.leaseMs ?? 30_000
  const now = opts.now ?? Date.now
  const listeners = new Set<() => void>()
  const notify = () => {
    for (const l of listeners) l()
  }
  return {
    async enqueue(run) {
      const record = await store.enqueue(run)
      notify()
      return record
    },
    async wake(runId, resume) {
      const woke = await store.wake(runId, resume)
      if (woke) notify()
      return woke
    },
    claim: (workerId) => store.claim(workerId, leaseMs),
    renew: (runId, workerId) => store.renewLease(runId, workerId, leaseMs),
    complete: (runId, result) =>
      store.record(runId, { events: [], finish: { status: result.status, error: result.error, at: now() } }),
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
