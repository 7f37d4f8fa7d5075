import type { z } from 'zod'
import type { FieldSpec, Playbook } from './format/schema.ts'

/**
 * What a node type is: its metadata for the palette and the validator, and its `run` function for
 * the engine. Node types live in `nodes/`, one file each, declared with `defineNode`.
 */

export type NodeCategory = 'trigger' | 'enrichment' | 'condition' | 'flow' | 'transform' | 'action' | 'script'

/** A JSON value: the only thing that crosses node, sandbox and storage boundaries. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** Logs a node writes into the trace. */
export interface NodeLogger {
  log(level: 'debug' | 'info' | 'warn' | 'error', message: string, data?: Json): void
}

/** How a node asks the host for a credential; values are redacted from every event. */
export interface SecretResolver {
  get(name: string): Promise<string | undefined>
}

/** A minimal HTTP client, injected so the runtime never touches the network itself. */
export interface HttpClient {
  request(req: {
    method: string
    url: string
    headers?: Record<string, string>
    body?: string
    timeoutMs?: number
    signal?: AbortSignal
  }): Promise<{ status: number; headers: Record<string, string>; body: string }>
}

/** An email to send through `MailTransport`. */
export interface MailMessage {
  from: string
  to: string[]
  cc?: string[]
  subject: string
  text: string
  html?: string
}

/** Sends email (SMTP in production), injected like `HttpClient`. */
export interface MailTransport {
  send(msg: MailMessage, signal?: AbortSignal): Promise<{ messageId: string }>
}

/**
 * A change a playbook makes to its run's case (`action.case`). Values are checked by the host (the
 * server's case store), which also enforces the allowed status transitions.
 */
export interface CaseChange {
  title?: string
  severity?: string
  status?: string
  assignee?: string | null
  disposition?: string | null
  /** Added to the case's tags. */
  tags?: string[]
  comment?: string
}

/** The run's case after `CaseActions.apply`. */
export interface CaseOutcome {
  caseId: string
  /** True when this call opened the case (the run had none). */
  created: boolean
  status: string
  severity: string
  tags: string[]
}

/**
 * Opens or updates the case of the run a node belongs to, injected like `MailTransport` (the server
 * binds it to the stored run, so sub-playbooks act on their caller's case).
 */
export interface CaseActions {
  apply(change: CaseChange, by: { nodeId: string }): Promise<CaseOutcome>
}

/** Evaluates a full `{{ }}` expression (the QuickJS sandbox). Plain paths never reach it. */
export interface ExpressionEvaluator {
  evaluate(expression: string, scope: ExpressionScope, signal?: AbortSignal): Promise<unknown>
}

/** Runs a script node's code (the QuickJS sandbox). */
export interface ScriptRunner {
  run(
    code: string,
    scope: ExpressionScope & { input: unknown },
    opts?: { signal?: AbortSignal },
  ): Promise<{ value: unknown; logs: { level: string; message: string }[] }>
}

/** The roots an expression can read. Secrets are never part of it. */
export interface ExpressionScope {
  trigger: unknown
  nodes: Record<string, { output: unknown }>
  vars: Record<string, unknown>
  item?: unknown
  run: { id: string; playbookId: string; mode: RunMode; startedAt: number }
}

export type RunMode = 'test' | 'production'

/** Result of a sub-playbook call made through `ctx.runPlaybook`. */
export interface SubRunResult {
  status: 'succeeded' | 'failed' | 'cancelled' | 'timed_out'
  outputs: Record<string, unknown>
  /** A containment step of the sub-run (or of its own sub-runs) really succeeded (not simulated). */
  contained?: boolean
  error?: { code: string; message: string; nodeId?: string }
}

/** Everything a node may use, passed as an argument (never `this`). */
export interface NodeContext {
  runId: string
  nodeId: string
  playbookId: string
  mode: RunMode
  attempt: number
  signal: AbortSignal
  trigger: unknown
  vars: Record<string, unknown>
  /** The expression scope at this node: upstream outputs, trigger, vars, item. */
  scope: ExpressionScope
  now(): number
  log: NodeLogger
  secrets: SecretResolver
  http?: HttpClient
  mail?: MailTransport
  scripts?: ScriptRunner
  /** The run's case (server runs only). */
  cases?: CaseActions
  /** Resolves `{{ }}` templates in a value against the node's scope (used by for-each bodies). */
  resolve(value: unknown, extraScope?: Partial<ExpressionScope>): Promise<unknown>
  /** Calls another playbook with typed inputs; `item` is exposed to its expressions. */
  runPlaybook(
    ref: { id: string; version?: number },
    inputs: Record<string, unknown>,
    opts?: { item?: unknown },
  ): Promise<SubRunResult>
}

/** What a node's `run` returns. A plain value is shorthand for `{ output: value }`. */
export type NodeResult<O = unknown> =
  | {
      status?: 'succeeded'
      output: O
      port?: string | string[]
      /** The node contained the incident though its type is not `containment` (a sub-playbook's step did). */
      contained?: boolean
    }
  | { status: 'waiting'; wait: Json; output?: O }

/** Thrown (or returned through the engine) by nodes: a stable code the trace and UI rely on. */
export class NodeError extends Error {
  readonly code: string
  readonly retryable: boolean
  readonly details?: Json
  constructor(
    code: string,
    message: string,
    opts: { retryable?: boolean; details?: Json; cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause })
    this.name = 'NodeError'
    this.code = code
    this.retryable = opts.retryable ?? true
    this.details = opts.details
  }
}

// biome-ignore lint/suspicious/noExplicitAny: a registry holds node types of every params type; `run` is only called with params parsed by the type's own schema
export interface NodeType<P = any, O = unknown> {
  /** `category.name`, e.g. `enrich.ip-info`. */
  type: string
  version: number
  category: NodeCategory
  title: string
  description?: string
  /** An icon name from the editor's icon set. */
  icon?: string
  params: z.ZodType<P>
  output?: z.ZodType<O>
  /** Output ports; `['out']` when absent. A function derives them from params (switch cases). */
  ports?: readonly string[] | ((params: Record<string, unknown>) => string[])
  /** Calls the outside world: in test (simulate) mode the engine returns `sample` instead of running it. */
  sideEffects?: boolean
  /** Calls the outside world without side effects (a lookup): answered from `sample` when a test run asks to simulate external calls. */
  external?: boolean
  sample?: O
  /** Containment actions count towards MTTC. */
  containment?: boolean
  /** Param names whose strings are templates resolved per item (for-each bodies), not before `run`. */
  lazyParams?: readonly string[]
  run(args: {
    params: P
    input: Record<string, unknown>
    ctx: NodeContext
  }): Promise<NodeResult<O> | O> | NodeResult<O> | O
  /** Turns the value given to `resume(state, nodeId, value)` into the node's result. Default: output = value. */
  resume?(args: {
    params: P
    value: unknown
    wait: Json
    ctx: Pick<NodeContext, 'now' | 'runId' | 'nodeId'>
  }): NodeResult<O>
  /** Migrates params written for an older version of this type. */
  migrateParams?(params: Record<string, unknown>, fromVersion: number): Record<string, unknown>
}

/**
 * Declares a node type. An identity function, so TypeScript infers params and output types.
 * @example export const noop = defineNode({ type: 'test.noop', version: 1, category: 'transform', title: 'No-op', params: z.object({}), run: () => ({ output: null }) })
 */
export function defineNode<P, O>(def: NodeType<P, O>): NodeType<P, O> {
  return def
}

/** Output ports of a node given its params. */
export function portsOf(def: NodeType, params: Record<string, unknown>): string[] {
  if (!def.ports) return ['out']
  if (typeof def.ports === 'function') {
    try {
      return def.ports(params)
    } catch {
      return ['out']
    }
  }
  return [...def.ports]
}

/** Looks up node types by id and version. */
export interface NodeRegistry {
  get(type: string, version: number): NodeType | undefined
  versions(type: string): number[]
  all(): NodeType[]
}

/** A registry over a fixed list of node types. */
export function createRegistry(types: readonly NodeType[]): NodeRegistry {
  const byKey = new Map<string, NodeType>()
  const versions = new Map<string, number[]>()
  for (const t of types) {
    const key = `${t.type}@${t.version}`
    if (byKey.has(key)) throw new Error(`node type ${key} is registered twice`)
    byKey.set(key, t)
    versions.set(
      t.type,
      [...(versions.get(t.type) ?? []), t.version].sort((a, b) => a - b),
    )
  }
  return {
    get: (type, version) => byKey.get(`${type}@${version}`),
    versions: (type) => versions.get(type) ?? [],
    all: () => [...byKey.values()],
  }
}

/** Finds a playbook for sub-playbook calls (the server's store, the CLI's folder, a test's map). */
export interface PlaybookLoader {
  load(id: string, version?: number): Promise<Playbook | undefined>
}

export type { FieldSpec }
