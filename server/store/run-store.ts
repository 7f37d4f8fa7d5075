import type { RunError, RunEvent, RunState, SimulateOptions } from '../../runtime/engine/types.ts'
import type { RunMode } from '../../runtime/node-type.ts'
import type { RunRowStatus } from '../db/schema.ts'
import type { Page } from './cursor.ts'

/** A run to queue. */
export interface NewRun {
  id?: string
  playbookId: string
  /** The published version; omitted or null runs the draft (test mode only). */
  version?: number | null
  mode: RunMode
  trigger: unknown
  parentRunId?: string
  retryOfRunId?: string
  retryFromNode?: string
  createdBy?: string
  /** Test mode only: simulate external lookups and/or mock given nodes (`engine.start`'s `simulate`). */
  simulate?: SimulateOptions
}

/** A run's row without its heavy documents (for lists). */
export interface RunSummary {
  id: string
  playbookId: string
  version: number | null
  mode: RunMode
  status: RunRowStatus
  error?: { code: string; message: string }
  queuedAt: number
  startedAt: number | null
  finishedAt: number | null
  claimedBy: string | null
  claimedUntil: number | null
  claims: number
  parentRunId: string | null
  retryOfRunId: string | null
  retryFromNode: string | null
  createdBy: string | null
  /** Set when a cancel was asked while another worker ran the run; its owner aborts it. */
  cancelRequestedAt: number | null
}

/** A decision to feed to `engine.resume` when the run is claimed. */
export interface PendingResume {
  nodeId: string
  value: unknown
}

/** A whole run: the summary, the trigger and the latest checkpoint. */
export interface RunRecord extends RunSummary {
  trigger: unknown
  /** The latest checkpoint; absent before the engine started (the worker calls `start`). */
  state?: RunState
  /** Present when the run was woken by a decision (the worker calls `resume`). */
  resume?: PendingResume
  /** Test runs: what the engine simulates (given to `engine.start`). */
  simulate?: SimulateOptions
}

/** One node attempt, derived from the run's events. */
export interface RunStep {
  nodeId: string
  attempt: number
  status: string
  input?: unknown
  output?: unknown
  error?: unknown
  logs: unknown[]
  startedAt: number | null
  finishedAt: number | null
}

export interface RunDetail extends RunRecord {
  steps: RunStep[]
}

export interface RunFilter {
  playbookId?: string
  status?: RunRowStatus | RunRowStatus[]
  mode?: RunMode
  /** Queued at or after (epoch ms). */
  from?: number
  /** Queued before (epoch ms). */
  to?: number
}

/** What one engine tick persists, in one transaction. */
export interface RunBatch {
  events: RunEvent[]
  /** The latest checkpoint: its status becomes the run's status (a waiting run releases its lease). */
  state?: RunState
  /** The run ended: its terminal status and error, and when. */
  finish?: { status: RunRowStatus; error?: RunError; at: number }
}

/** A lease renewal's answer: still held, held but a cancel was asked, or lost to another worker. */
export type LeaseStatus = 'held' | 'cancel-requested' | 'lost'

/** Where runs live: the queue, the checkpoints, the steps. SQLite here; PostgreSQL later. */
export interface RunStore {
  enqueue(run: NewRun): Promise<RunRecord>
  /**
   * Atomically hands the oldest queued run to `workerId` with a lease until now + `leaseMs`; no two
   * callers ever get the same run.
   */
  claim(workerId: string, leaseMs: number): Promise<RunRecord | undefined>
  /**
   * Extends a lease the worker still holds: `lost` when it no longer does, `cancel-requested` when
   * `requestCancel` was called for the run (the worker should abort it).
   */
  renewLease(runId: string, workerId: string, leaseMs: number): Promise<LeaseStatus>
  /** Asks the worker running the run to cancel it (at its next renewal); false unless it is running. */
  requestCancel(runId: string, at: number): Promise<boolean>
  /**
   * Persists a batch of events (and the steps they imply), the latest checkpoint and/or the end, in one
   * transaction. Implementations serialise the batch before returning (the state is live and keeps
   * changing) and apply one run's batches in call order.
   */
  record(runId: string, batch: RunBatch): Promise<void>
  /** A waiting run goes back to the queue with a decision to resume with; false if it is not waiting. */
  wake(runId: string, resume: PendingResume): Promise<boolean>
  /** Marks a queued or waiting run cancelled at once; false for a running or finished run. */
  cancelIdle(runId: string, at: number): Promise<boolean>
  /**
   * Crash recovery: runs left `running` whose lease expired before `now` (every running run with
   * `ignoreLeases`) go back to the queue, keeping their checkpoint. Returns their ids.
   */
  requeueStale(now: number, opts?: { ignoreLeases?: boolean }): Promise<string[]>
  get(runId: string): Promise<RunDetail | undefined>
  /** Newest first, by (queued_at, id); `cursor` comes from the previous page. */
  list(filter?: RunFilter, page?: { cursor?: string; limit?: number }): Promise<Page<RunSummary>>
  /** Runs by status. */
  countByStatus(): Promise<Partial<Record<RunRowStatus, number>>>
  /** Runs queued and not yet claimed (the queue depth); reads only the status index's queued range. */
  countQueued(): Promise<number>
  /**
   * Retention: deletes finished runs queued before `before`, and all but the newest `keep` finished
   * runs, with the playbooks no run names any more.
   */
  prune(opts: { before?: number; keep?: number }): Promise<number>
}
