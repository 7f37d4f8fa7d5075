import type { ExpressionScope, Json } from '../node-type.ts'
import { EdgeTracker } from './edges.ts'
import { EventSink } from './events.ts'
import { NodeExecution } from './execute-node.ts'
import { type Plan, planOf } from './plan.ts'
import { RunEnd } from './run-end.ts'
import type { EngineEnv, Failure, RunHandle, RunOptions } from './run-env.ts'
import type { NodeState, RunError, RunResult, RunState, RunStatus } from './types.ts'

/**
 * The scheduler of one run: integer-indexed edge states and counters, a ready queue bounded by the
 * run's concurrency, and dead-path elimination. How the run ends (deadline, cancellation, completion,
 * outputs) lives in run-end.ts; what nodes see of the run is the RunHandle of run-env.ts.
 */

/** One run in memory. Create it, seed it (`seedFresh` or `rebuild`), then `pump`. */
export class Run implements RunHandle {
  readonly plan: Plan
  readonly ns: NodeState[]
  readonly sink: EventSink
  readonly scope: ExpressionScope
  private readonly edges: EdgeTracker
  readonly result: Promise<RunResult>
  readonly active = new Map<number, NodeExecution>()
  done = false
  private readonly end: RunEnd
  private readonly nodesScope: Record<string, { output: unknown }> = {}
  private ready: number[] = []
  private head = 0
  private running = 0
  private waiting = 0
  private settled = 0
  private pumping = false
  private readonly limit: number

  constructor(
    readonly env: EngineEnv,
    readonly state: RunState,
    readonly opts: RunOptions,
  ) {
    const plan = planOf(state.playbook)
    this.plan = plan
    this.ns = plan.ids.map((id) => {
      state.nodes[id] ??= { status: 'pending', attempt: 0 }
      return state.nodes[id]
    })
    this.edges = new EdgeTracker(plan, this.ns, this)
    this.limit = state.playbook.settings?.concurrency ?? env.limits.concurrency
    this.sink = new EventSink(
      state,
      env.clock,
      opts.onEvent,
      env.limits.maxEventOutputBytes,
      opts.secrets,
      opts.onCheckpoint,
    )
    this.scope = {
      trigger: state.trigger,
      nodes: this.nodesScope,
      vars: state.vars,
      run: { id: state.runId, playbookId: state.playbook.id, mode: state.mode, startedAt: state.startedAt },
    }
    if (state.item !== undefined) this.scope.item = state.item
    this.end = new RunEnd(this)
    this.result = this.end.result
  }

  /** Emits run.started, then arms the run-level deadline and the cancellation signal (either may end the run). */
  begin(resumed: boolean): void {
    const { state } = this
    state.status = 'running'
    this.sink.emit({
      type: 'run.started',
      playbookId: state.playbook.id,
      mode: state.mode,
      ...(resumed ? { resumed } : {}),
    })
    this.end.arm()
  }

  /** Queues the nodes of a fresh run that have no incoming edges. */
  seedFresh(): void {
    this.edges.seedRoots()
  }

  /** Rebuilds counters and the expression scope from a persisted state, then queues or skips what is ready. */
  rebuild(): void {
    const { plan, ns } = this
    for (let i = 0; i < ns.length; i++) {
      const s = ns[i]!
      if (s.status === 'waiting') this.waiting++
      if (
        s.status === 'succeeded' ||
        s.status === 'failed' ||
        s.status === 'skipped' ||
        s.status === 'cancelled'
      )
        this.settled++
      if (s.output !== undefined && (s.status === 'succeeded' || s.status === 'failed'))
        this.nodesScope[plan.ids[i]!] = { output: s.output }
    }
    this.edges.restore()
  }

  /** Starts ready nodes up to the concurrency limit; ends the run when nothing can progress. */
  pump(): void {
    if (this.pumping || this.done) return
    this.pumping = true
    while (!this.done && this.running < this.limit && this.head < this.ready.length) {
      const idx = this.ready[this.head++]!
      this.startNode(idx)
    }
    if (this.head >= this.ready.length) {
      this.ready.length = 0
      this.head = 0
    }
    this.pumping = false
    if (!this.done && this.running === 0 && this.ready.length === 0)
      this.end.complete(this.waiting, this.settled)
  }

  /** Upstream outputs over live incoming edges: `{ [nodeId]: output }`. */
  inputOf(idx: number): Record<string, unknown> {
    const input: Record<string, unknown> = {}
    const { plan } = this
    for (const e of plan.inEdges[idx]!) {
      if (!this.edges.isLive(e)) continue
      const from = plan.edgeFrom[e]!
      input[plan.ids[from]!] = this.ns[from]!.output
    }
    return input
  }

  /** Makes a waiting node running again and completes it with `value` (see NodeExecution.resume). */
  resumeNode(idx: number, value: unknown): void {
    const s = this.ns[idx]!
    const node = this.plan.nodes[idx]!
    const type = this.env.registry.get(node.type, node.version)
    this.waiting--
    this.settled++
    s.status = 'running'
    this.running++
    if (!type) {
      this.nodeFailed(idx, unknownType(node.type, node.version))
      return
    }
    const exec = new NodeExecution(this, idx, type)
    this.active.set(idx, exec)
    exec.resume(value)
  }

  /** Fails a node that was running when the process crashed (side effects: never silently repeated). */
  interrupt(idx: number): void {
    const s = this.ns[idx]!
    s.status = 'running'
    this.running++
    this.settled++
    this.nodeFailed(idx, {
      code: 'INTERRUPTED',
      message: `node "${this.plan.ids[idx]}" was interrupted by a crash while it ran; it has side effects, so it is not repeated`,
      retryable: false,
    })
  }

  nodeSucceeded(idx: number, output: Json, ports: string[], simulated: boolean, reported = false): void {
    if (this.done) return
    const s = this.ns[idx]!
    const id = this.plan.ids[idx]!
    // Only real successes contain anything: a simulated one (test mode) never counts.
    const node = this.plan.nodes[idx]!
    const contained =
      !simulated && (reported || this.env.registry.get(node.type, node.version)?.containment === true)
    const now = this.env.clock.now()
    this.release(idx)
    s.status = 'succeeded'
    s.output = output
    s.ports = ports
    s.finishedAt = now
    if (simulated) s.simulated = true
    if (contained) s.contained = true
    this.nodesScope[id] = { output }
    this.sink.emit({
      type: 'node.succeeded',
      nodeId: id,
      attempt: s.attempt,
      output,
      ports,
      durationMs: now - (s.startedAt ?? now),
      ...(simulated ? { simulated } : {}),
      ...(contained ? { contained } : {}),
    })
    this.edges.resolve(idx, ports)
    this.pump()
  }

  nodeWaiting(idx: number, wait: Json): void {
    if (this.done) return
    const s = this.ns[idx]!
    this.release(idx)
    this.settled--
    this.waiting++
    s.status = 'waiting'
    s.wait = wait
    this.sink.emit({ type: 'node.waiting', nodeId: this.plan.ids[idx]!, wait })
    this.pump()
  }

  nodeFailed(idx: number, f: Failure): void {
    if (this.done) return
    const s = this.ns[idx]!
    const id = this.plan.ids[idx]!
    const now = this.env.clock.now()
    const handling = this.plan.nodes[idx]!.onError ?? 'fail'
    this.release(idx)
    s.status = 'failed'
    s.finishedAt = now
    s.error = { code: f.code, message: f.message, nodeId: id, attempt: s.attempt }
    this.sink.emit({
      type: 'node.failed',
      nodeId: id,
      attempt: s.attempt,
      code: f.code,
      message: f.message,
      durationMs: now - (s.startedAt ?? now),
      handling,
    })
    if (handling === 'fail') {
      this.finish('failed', { code: f.code, message: f.message, nodeId: id })
      return
    }
    const output: Json = { error: { code: f.code, message: f.message } }
    const ports = handling === 'continue' ? ['out'] : ['error']
    s.output = output
    s.ports = ports
    this.nodesScope[id] = { output }
    this.edges.resolve(idx, ports)
    this.pump()
  }

  /** Ends the run (see RunEnd.finish). */
  finish(status: RunStatus, error?: RunError): void {
    this.end.finish(status, error)
  }

  private startNode(idx: number): void {
    const s = this.ns[idx]!
    const node = this.plan.nodes[idx]!
    s.status = 'running'
    s.startedAt = this.env.clock.now()
    this.running++
    this.settled++
    const type = this.env.registry.get(node.type, node.version)
    if (!type) {
      this.sink.emit({ type: 'node.started', nodeId: node.id, attempt: ++s.attempt })
      this.nodeFailed(idx, unknownType(node.type, node.version))
      return
    }
    const exec = new NodeExecution(this, idx, type)
    this.active.set(idx, exec)
    exec.attempt()
  }

  private release(idx: number): void {
    this.active.delete(idx)
    this.running--
  }

  /** EdgeHost: a node became ready. */
  enqueue(idx: number): void {
    this.ready.push(idx)
  }

  /** EdgeHost: every incoming edge of a node is dead. */
  skip(idx: number): void {
    const s = this.ns[idx]!
    s.status = 'skipped'
    s.finishedAt = this.env.clock.now()
    this.settled++
    this.sink.emit({ type: 'node.skipped', nodeId: this.plan.ids[idx]!, reason: 'no incoming edge is live' })
  }
}

function unknownType(type: string, version: number): Failure {
  return {
    code: 'UNKNOWN_NODE_TYPE',
    message: `node type ${type}@${version} is not registered`,
    retryable: false,
  }
}
