import type { Clock, EngineDeps, RunError, RunStatus, SimulateOptions } from '../../runtime/engine/types.ts'
import type { CaseActions, NodeRegistry, RunMode } from '../../runtime/node-type.ts'
import type { Role } from '../db/schema.ts'
import type { EventBus } from '../events/bus.ts'
import type { RunQueue } from '../queue/run-queue.ts'
import type { Approval, ApprovalStore } from '../store/approval-store.ts'
import type { AuditLog } from '../store/audit-log.ts'
import type { CredentialStore } from '../store/credential-store.ts'
import type { PlaybookStore } from '../store/playbook-store.ts'
import type { RunStore } from '../store/run-store.ts'

/** Where the runner publishes live events (the SSE fan-out): the publishing half of an `EventBus`. */
export type RunEventSink = Pick<EventBus, 'publish'>

/** The stores the runner reads and writes. */
export interface RunnerStores {
  runs: RunStore
  playbooks: PlaybookStore
  approvals: ApprovalStore
  audit: AuditLog
  /** Source of the engine's secrets (each use audited) unless `engineDeps.secrets` is given. */
  credentials?: CredentialStore
}

/**
 * The engine's outside world; the runner adds the registry, the clock and a playbook loader, and
 * binds `casesFor` to each run (the engine's `cases`).
 */
export type RunnerEngineDeps = Pick<
  EngineDeps,
  'http' | 'mail' | 'evaluator' | 'scripts' | 'secrets' | 'limits' | 'ids'
> & { casesFor?: (runId: string) => CaseActions }

/** What `onRunFinished` hears about a run that reached its end (for metrics). */
export interface RunFinished {
  runId: string
  playbookId: string
  mode: RunMode
  status: Exclude<RunStatus, 'running' | 'waiting'>
  /** From the run's start (its first start, for resumed runs) to its end. */
  durationMs: number
  error?: RunError
}

export interface RunnerOptions {
  stores: RunnerStores
  queue: RunQueue
  registry: NodeRegistry
  engineDeps?: RunnerEngineDeps
  bus?: RunEventSink
  /** Engine time, approval timeouts, lease renewals and the fallback poll (default: the system clock). */
  clock?: Clock
  /** Runs executing at once in this process (default 32; runs mostly wait on the journal and the sandbox, not the CPU). */
  concurrency?: number
  /** The queue's lease time: renewals happen every third of it (default 30 s). Match the queue's. */
  leaseMs?: number
  /** Names this worker in claims (default `worker-<pid>-<random>`). */
  workerId?: string
  /** Fallback poll for runs queued by other processes (default 5 s); wake-ups are immediate in-process. */
  pollMs?: number
  /** `stop()` lets running runs finish for this long, then detaches them for recovery (default 10 s). */
  drainMs?: number
  /**
   * This runner is the only worker on its database (the embedded default): at start, every run left
   * `running` is requeued whatever its lease. Set false when several processes share the queue; stale
   * leases are then reaped periodically.
   */
  exclusive?: boolean
  /** Called once per run that ends (succeeded, failed, cancelled, timed out). */
  onRunFinished?(run: RunFinished): void
  /**
   * Called before a retry is queued, with the id its run will have (e.g. to link it to the cases of
   * the run it retries before it can start). A rejection stops the retry.
   */
  onRetry?(retry: { retryOf: string; runId: string; by: string }): Promise<unknown> | undefined
  /** Told about failures the runner survives (a write that failed, a timer that threw); default `console.error`. */
  onError?(err: unknown, context: string): void
}

/** A run to queue (routes, webhooks, schedules). */
export interface EnqueueRequest {
  playbookId: string
  /** A published version; production runs default to the newest one, test runs to the draft. */
  version?: number
  mode: RunMode
  trigger: unknown
  /** A user name, `token:<id>`, `webhook` or `schedule`: recorded on the run and in the audit log. */
  requestedBy: string
  /** Test runs only (`INVALID_REQUEST` otherwise): simulate external lookups and/or mock given nodes. */
  simulate?: SimulateOptions
  /** The run's id, chosen beforehand (the alert intake links it to a case first); default a new one. */
  runId?: string
}

/** A responder's decision on an approval. */
export interface DecideRequest {
  decision: 'approve' | 'reject'
  /** The user name, matched against the node's `approvers.users`. */
  by: string
  /** The user's role, matched against the node's `approvers.roles`. */
  role?: Role
  comment?: string
}

/** The run queue's worker pool and the operations on runs that need it. */
export interface Runner {
  /** Recovers runs left by a crash, re-arms approval timeouts, then claims queued runs. */
  start(): Promise<void>
  /** Stops claiming, lets running runs finish for `drainMs`, detaches the rest for recovery, releases leases. */
  stop(): Promise<void>
  /** Queues a run and returns its id once it is stored. Throws `RunnerError` (`NOT_FOUND`, `NOT_PUBLISHED`). */
  enqueueRun(req: EnqueueRequest): Promise<string>
  /**
   * Cancels a queued or waiting run at once (`cancelled`), or aborts a running one (`cancelling`; it
   * ends `cancelled`): here at once, on another worker at that worker's next lease renewal.
   */
  cancel(runId: string, opts: { by: string }): Promise<{ status: 'cancelled' | 'cancelling' }>
  /** Queues a new run of the same version and trigger; from `fromNode`, earlier outputs are reused. */
  retry(runId: string, opts: { by: string; fromNode?: string }): Promise<string>
  /** Records a decision; wakes the run when the approval resolves. */
  decide(approvalId: string, req: DecideRequest): Promise<{ approval: Approval; resolved: boolean }>
  /** Runs executing in this process now. */
  readonly active: number
}
