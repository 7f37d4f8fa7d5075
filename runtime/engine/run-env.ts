import type {
  CaseActions,
  ExpressionEvaluator,
  ExpressionScope,
  HttpClient,
  Json,
  MailTransport,
  NodeContext,
  NodeRegistry,
  PlaybookLoader,
  ScriptRunner,
  SecretResolver,
  SubRunResult,
} from '../node-type.ts'
import type { EventSink, SecretSet } from './events.ts'
import type { Plan } from './plan.ts'
import type { Clock, EngineLimits, NodeState, RunEvent, RunState } from './types.ts'

/**
 * What a run shares with the code around it: the engine's dependencies (`EngineEnv`), per-run options,
 * and `RunHandle`, the narrow view of a run that node contexts and node executions use. This module
 * imports nothing that imports it back, so the scheduler, the node execution and the node context
 * depend on it instead of on each other.
 */

/** A failure as the engine records it. */
export interface Failure {
  code: string
  message: string
  retryable: boolean
}

/** Engine dependencies with defaults applied, plus the sub-playbook entry point. */
export interface EngineEnv {
  registry: NodeRegistry
  clock: Clock
  ids: () => string
  evaluator?: ExpressionEvaluator
  scripts?: ScriptRunner
  http?: HttpClient
  mail?: MailTransport
  cases?: CaseActions
  secrets?: SecretResolver
  playbooks?: PlaybookLoader
  limits: EngineLimits
  /** Runs another playbook as a child of `run`, on behalf of the node whose context is `ctx`. */
  callPlaybook(
    run: RunHandle,
    ctx: NodeContext,
    ref: { id: string; version?: number },
    inputs: Record<string, unknown>,
    item?: Json,
  ): Promise<SubRunResult>
  /** Computes a finished run's outputs from the playbook's `outputs` templates (may be async). */
  computeOutputs(run: RunHandle): Record<string, Json> | Promise<Record<string, Json>> | undefined
}

/** Per-run options. */
export interface RunOptions {
  signal?: AbortSignal
  onEvent?: (event: RunEvent) => void
  onCheckpoint?: (state: RunState) => void
  /** Sub-playbook nesting depth (0 for a top-level run). */
  depth: number
  secrets: SecretSet
}

/** The parts of a run that node executions and node contexts use (implemented by `Run`). */
export interface RunHandle {
  readonly env: EngineEnv
  readonly opts: RunOptions
  readonly state: RunState
  readonly plan: Plan
  /** Node states, indexed like `plan.ids`. */
  readonly ns: NodeState[]
  readonly sink: EventSink
  readonly scope: ExpressionScope
  /** True once the run has ended: late results of its nodes are ignored. */
  readonly done: boolean
  /** Upstream outputs over live incoming edges: `{ [nodeId]: output }`. */
  inputOf(idx: number): Record<string, unknown>
  /** `contained`: the node reported containing the incident (a sub-playbook's containment step). */
  nodeSucceeded(idx: number, output: Json, ports: string[], simulated: boolean, contained?: boolean): void
  nodeWaiting(idx: number, wait: Json): void
  nodeFailed(idx: number, f: Failure): void
}
