import type { Playbook } from '../format/schema.ts'
import type {
  CaseActions,
  ExpressionEvaluator,
  HttpClient,
  Json,
  MailTransport,
  NodeRegistry,
  PlaybookLoader,
  RunMode,
  ScriptRunner,
  SecretResolver,
} from '../node-type.ts'

/** Terminal and non-terminal states of a node within a run. */
export type NodeStatus = 'pending' | 'running' | 'succeeded' | 'failed' | 'skipped' | 'waiting' | 'cancelled'

/** How a run ended, or `waiting` when it is suspended on one or more nodes. */
export type RunStatus = 'running' | 'succeeded' | 'failed' | 'cancelled' | 'timed_out' | 'waiting'

export interface RunError {
  code: string
  message: string
  nodeId?: string
}

/** One node's state in a run. Plain JSON. */
export interface NodeState {
  status: NodeStatus
  attempt: number
  output?: Json
  /** Ports the node fired (succeeded) — edges from other ports are dead. */
  ports?: string[]
  error?: RunError & { attempt?: number }
  /** What the node is waiting for (approval request, external input). */
  wait?: Json
  startedAt?: number
  finishedAt?: number
  /** True when the output is the node type's sample (test mode, side-effecting node). */
  simulated?: boolean
  /** The success contained the incident: a `containment` node type, or a sub-playbook in which one succeeded. */
  contained?: boolean
}

/**
 * The whole run, as plain JSON at every step: the server persists it, and `resume` continues it in
 * another process after `JSON.parse(JSON.stringify(state))`.
 */
/** How a test run stands in for the outside world. Persisted in the state so resume keeps it. */
export interface SimulateOptions {
  /** Also answer nodes marked `external` (lookups without side effects) from their sample. */
  external?: boolean
  /** Node id → the result it returns instead of running (playbook tests' simulated responses). */
  mocks?: Record<string, { output: Json; port?: string | string[] }>
}

export interface RunState {
  version: 1
  runId: string
  mode: RunMode
  /** Test mode only: extra simulation beyond side-effecting nodes. */
  simulate?: SimulateOptions
  playbook: Playbook
  trigger: Json
  vars: Record<string, Json>
  /** Sub-playbook calls: inputs of this run; foreach bodies: the current item. */
  inputs?: Record<string, Json>
  item?: Json
  status: RunStatus
  startedAt: number
  finishedAt?: number
  /** Absolute deadline of the run-level timeout, if any. */
  deadline?: number
  /** Next event sequence number. */
  seq: number
  nodes: Record<string, NodeState>
  error?: RunError
  /** Sub-playbook outputs, computed when the run succeeds. */
  outputs?: Record<string, Json>
}

interface EventBase {
  runId: string
  seq: number
  at: number
}

/** Trace events, each with a per-run sequence number. */
export type RunEvent =
  | (EventBase & { type: 'run.started'; playbookId: string; mode: RunMode; resumed?: boolean })
  | (EventBase & { type: 'node.started'; nodeId: string; attempt: number })
  | (EventBase & {
      type: 'node.succeeded'
      nodeId: string
      attempt: number
      output: Json
      ports: string[]
      durationMs: number
      simulated?: boolean
      /** A real (not simulated) success that contained the incident (see `NodeState.contained`). */
      contained?: boolean
    })
  | (EventBase & {
      type: 'node.failed'
      nodeId: string
      attempt: number
      code: string
      message: string
      durationMs: number
      /** How the failure was handled: the run fails, it continues, or the error port fires. */
      handling: 'fail' | 'continue' | 'error'
    })
  | (EventBase & {
      type: 'node.retrying'
      nodeId: string
      attempt: number
      delayMs: number
      code: string
      message: string
    })
  | (EventBase & { type: 'node.skipped'; nodeId: string; reason: string })
  | (EventBase & { type: 'node.waiting'; nodeId: string; wait: Json })
  | (EventBase & { type: 'node.cancelled'; nodeId: string })
  | (EventBase & { type: 'node.log'; nodeId: string; level: string; message: string; data?: Json })
  | (EventBase & { type: 'run.finished'; status: RunStatus; error?: RunError; durationMs: number })

export type RunEventType = RunEvent['type']

/** A monotonic-enough clock and timers, injected so tests are deterministic. */
export interface Clock {
  now(): number
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export interface EngineLimits {
  /** Default nodes at once per run (the playbook's `settings.concurrency` overrides it). */
  concurrency: number
  /** Events carry outputs up to this many bytes of JSON; larger ones are replaced by a marker. */
  maxEventOutputBytes: number
  /** Sub-playbook nesting depth. */
  maxCallDepth: number
  /** For-each item cap. */
  maxForEachItems: number
}

/** Everything the engine needs from the outside world. */
export interface EngineDeps {
  registry: NodeRegistry
  clock?: Clock
  ids?: () => string
  evaluator?: ExpressionEvaluator
  scripts?: ScriptRunner
  http?: HttpClient
  mail?: MailTransport
  cases?: CaseActions
  secrets?: SecretResolver
  playbooks?: PlaybookLoader
  limits?: Partial<EngineLimits>
}

export interface StartOptions {
  trigger?: unknown
  mode?: RunMode
  /** Test mode only: simulate external lookups and/or mock given nodes. Ignored in production. */
  simulate?: SimulateOptions
  runId?: string
  vars?: Record<string, unknown>
  inputs?: Record<string, unknown>
  signal?: AbortSignal
  onEvent?: (event: RunEvent) => void
  /** Called after every state change with the live state, so a host can persist it for `recover`. */
  onCheckpoint?: (state: RunState) => void
}

export interface RunResult {
  status: RunStatus
  state: RunState
  outputs?: Record<string, Json>
  error?: RunError
}
