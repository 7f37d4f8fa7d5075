import { resolveValue } from '../expr/resolve.ts'
import type {
  CaseActions,
  ExpressionScope,
  HttpClient,
  Json,
  MailTransport,
  NodeContext,
  NodeLogger,
  RunMode,
  ScriptRunner,
  SecretResolver,
  SubRunResult,
} from '../node-type.ts'
import type { RunHandle } from './run-env.ts'

/**
 * The `ctx` a node receives. One small object per attempt; the AbortController, the logger and the
 * secret resolver are created only when the node touches them, so no-op nodes stay cheap.
 */
export class NodeCtx implements NodeContext {
  readonly runId: string
  readonly playbookId: string
  readonly mode: RunMode
  private controller: AbortController | undefined
  private aborted: unknown
  private logger: NodeLogger | undefined
  private secretResolver: SecretResolver | undefined
  /** Set once the attempt is over (finished, timed out or cancelled): late results are ignored. */
  finished = false

  constructor(
    private readonly run: RunHandle,
    readonly nodeId: string,
    readonly attempt: number,
  ) {
    this.runId = run.state.runId
    this.playbookId = run.state.playbook.id
    this.mode = run.state.mode
  }

  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController()
      if (this.aborted !== undefined) this.controller.abort(this.aborted)
    }
    return this.controller.signal
  }

  /** Aborts the node's signal (timeout, cancellation, run failure). */
  abort(reason: unknown): void {
    if (this.aborted !== undefined) return
    this.aborted = reason
    this.controller?.abort(reason)
  }

  get trigger(): unknown {
    return this.run.state.trigger
  }
  get vars(): Record<string, unknown> {
    return this.run.state.vars
  }
  get scope(): ExpressionScope {
    return this.run.scope
  }
  get http(): HttpClient | undefined {
    return this.run.env.http
  }
  get mail(): MailTransport | undefined {
    return this.run.env.mail
  }
  get cases(): CaseActions | undefined {
    return this.run.env.cases
  }
  get scripts(): ScriptRunner | undefined {
    return this.run.env.scripts
  }

  now(): number {
    return this.run.env.clock.now()
  }

  get log(): NodeLogger {
    if (!this.logger) {
      const sink = this.run.sink
      const nodeId = this.nodeId
      this.logger = {
        log(level, message, data) {
          sink.emit(
            data === undefined
              ? { type: 'node.log', nodeId, level, message }
              : { type: 'node.log', nodeId, level, message, data },
          )
        },
      }
    }
    return this.logger
  }

  /** Secret values obtained here are remembered so that every event redacts them. */
  get secrets(): SecretResolver {
    if (!this.secretResolver) {
      const inner = this.run.env.secrets
      const seen = this.run.sink.secrets
      this.secretResolver = {
        async get(name) {
          const value = inner ? await inner.get(name) : undefined
          if (typeof value === 'string') seen.add(value)
          return value
        },
      }
    }
    return this.secretResolver
  }

  resolve(value: unknown, extraScope?: Partial<ExpressionScope>): Promise<unknown> {
    try {
      const scope = extraScope ? { ...this.run.scope, ...extraScope } : this.run.scope
      const ctx = this
      // The signal is made only when an expression reaches the sandbox (most params never do).
      return Promise.resolve(
        resolveValue(value, {
          scope,
          evaluator: this.run.env.evaluator,
          get signal() {
            return ctx.signal
          },
        }),
      )
    } catch (err) {
      return Promise.reject(err)
    }
  }

  runPlaybook(
    ref: { id: string; version?: number },
    inputs: Record<string, unknown>,
    opts?: { item?: unknown },
  ): Promise<SubRunResult> {
    return this.run.env.callPlaybook(this.run, this, ref, inputs, opts?.item as Json | undefined)
  }
}
