import type { Plan } from './plan.ts'
import type { NodeState } from './types.ts'

const LIVE = 1
const DEAD = 2

/** What the edge tracker asks of its run: queue a ready node, or mark a node skipped. */
export interface EdgeHost {
  enqueue(idx: number): void
  skip(idx: number): void
}

/**
 * Edge states and per-node counters of one run: decides when a node is ready (join `all`/`any`) and
 * eliminates dead paths. Skips propagate through an explicit stack, so a 20,000-node dead chain
 * never grows the call stack. All work is O(edges) over the whole run.
 */
export class EdgeTracker {
  private readonly edgeState: Uint8Array
  private readonly resolvedIn: Int32Array
  private readonly liveIn: Int32Array
  private readonly queued: Uint8Array
  private readonly skipStack: number[] = []

  constructor(
    private readonly plan: Plan,
    private readonly ns: NodeState[],
    private readonly host: EdgeHost,
  ) {
    const n = plan.ids.length
    this.edgeState = new Uint8Array(plan.edgePort.length)
    this.resolvedIn = new Int32Array(n)
    this.liveIn = new Int32Array(n)
    this.queued = new Uint8Array(n)
  }

  /** True when the edge's source fired the edge's port. */
  isLive(edge: number): boolean {
    return this.edgeState[edge] === LIVE
  }

  /** Queues the nodes without incoming edges (a fresh run). */
  seedRoots(): void {
    for (const r of this.plan.roots) this.enqueue(r)
  }

  /** Rebuilds counters from finished nodes of a persisted state, then queues or skips pending nodes. */
  restore(): void {
    const { plan, ns } = this
    for (let i = 0; i < ns.length; i++) {
      const s = ns[i]!
      if (
        s.status !== 'succeeded' &&
        s.status !== 'failed' &&
        s.status !== 'skipped' &&
        s.status !== 'cancelled'
      )
        continue
      const ports = s.status === 'succeeded' || s.status === 'failed' ? (s.ports ?? null) : null
      for (const e of plan.outEdges[i]!) this.mark(e, ports)
    }
    for (let i = 0; i < ns.length; i++) {
      if (ns[i]!.status !== 'pending' || this.queued[i]) continue
      if (plan.inEdges[i]!.length === 0) this.enqueue(i)
      else this.evaluate(i, this.liveIn[i]! > 0)
    }
    this.drainSkips()
  }

  /** Resolves a finished node's outgoing edges: live for the fired ports, dead otherwise (`null`: all dead). */
  resolve(idx: number, ports: string[] | null): void {
    this.propagate(idx, ports)
    this.drainSkips()
  }

  private propagate(idx: number, ports: string[] | null): void {
    const { plan, ns } = this
    for (const e of plan.outEdges[idx]!) {
      const live = this.mark(e, ports)
      const t = plan.edgeTo[e]!
      if (ns[t]!.status === 'pending' && !this.queued[t]) this.evaluate(t, live)
    }
  }

  private drainSkips(): void {
    for (let next = this.skipStack.pop(); next !== undefined; next = this.skipStack.pop())
      this.propagate(next, null)
  }

  private mark(e: number, ports: string[] | null): boolean {
    const live = ports?.includes(this.plan.edgePort[e]!) === true
    const t = this.plan.edgeTo[e]!
    this.edgeState[e] = live ? LIVE : DEAD
    this.resolvedIn[t]!++
    if (live) this.liveIn[t]!++
    return live
  }

  private enqueue(idx: number): void {
    this.queued[idx] = 1
    this.host.enqueue(idx)
  }

  /** Readiness of a pending node after one of its incoming edges resolved. */
  private evaluate(t: number, live: boolean): void {
    const complete = this.resolvedIn[t] === this.plan.inEdges[t]!.length
    if (this.plan.joinAny[t] ? live : complete && this.liveIn[t]! > 0) this.enqueue(t)
    else if (complete && this.liveIn[t] === 0) {
      this.host.skip(t)
      this.skipStack.push(t)
    }
  }
}
