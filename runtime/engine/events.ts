import { utf8Length } from '../json/utf8-length.ts'
import type { Json } from '../node-type.ts'
import type { Clock, RunEvent, RunState } from './types.ts'

/**
 * Trace events: per-run sequence numbers, large outputs replaced by a marker, and every secret
 * value that a node obtained through `ctx.secrets` replaced by `[REDACTED]`.
 */

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never
/** An event before the sink stamps it with `runId`, `seq` and `at`. */
export type EventBody = DistributiveOmit<RunEvent, 'runId' | 'seq' | 'at'>

export const REDACTED = '[REDACTED]'
/** Characters of JSON kept in a truncation marker's preview. */
export const PREVIEW_CHARS = 1024

/** Secret values seen in a run (and its sub-runs): shared so child outputs are redacted too. */
export class SecretSet {
  private values: string[] = []
  get size(): number {
    return this.values.length
  }
  /** Remembers a secret value (empty strings are ignored: they would match everywhere). */
  add(value: string): void {
    if (value === '' || this.values.includes(value)) return
    this.values.push(value)
    this.values.sort((a, b) => b.length - a.length)
  }
  /** Replaces every occurrence of every secret in a string. */
  redactString(s: string): string {
    let out = s
    for (const v of this.values) if (out.includes(v)) out = out.split(v).join(REDACTED)
    return out
  }
  /** A redacted deep copy of a JSON-like value (depth-bounded). */
  redact<T>(value: T, depth = 0): T {
    if (typeof value === 'string') return this.redactString(value) as T
    if (value === null || typeof value !== 'object' || depth > 300) return value
    if (Array.isArray(value)) return value.map((v) => this.redact(v, depth + 1)) as T
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[this.redactString(k)] = this.redact(v, depth + 1)
    return out as T
  }
}

/** The marker that replaces an output larger than `maxEventOutputBytes` in events. */
export interface TruncatedOutput {
  $truncated: true
  bytes: number
  preview: string
}

/**
 * Returns the output itself, or a truncation marker when its JSON is over `maxBytes` (UTF-8).
 * @example truncateOutput('x'.repeat(100), 10) // { $truncated: true, bytes: 102, preview: '"xxxx…' }
 */
export function truncateOutput(output: Json, maxBytes: number): Json {
  if (output === null || typeof output === 'boolean' || typeof output === 'number') return output
  if (typeof output === 'string' && output.length * 3 + 2 <= maxBytes) return output
  const json = JSON.stringify(output)
  if (json.length * 3 <= maxBytes) return output
  const bytes = utf8Length(json)
  if (bytes <= maxBytes) return output
  const marker: TruncatedOutput = { $truncated: true, bytes, preview: json.slice(0, PREVIEW_CHARS) }
  return marker as unknown as Json
}

/**
 * Stamps and delivers events. Without a listener it only advances the sequence number, so a run
 * without observers pays almost nothing for tracing.
 */
export class EventSink {
  constructor(
    private readonly state: RunState,
    private readonly clock: Clock,
    private readonly listener: ((event: RunEvent) => void) | undefined,
    private readonly maxOutputBytes: number,
    readonly secrets: SecretSet,
    private readonly checkpoint?: (state: RunState) => void,
  ) {}

  /** True when someone listens: callers may skip building expensive event bodies otherwise. */
  get active(): boolean {
    return this.listener !== undefined
  }

  /** Emits one event with the next sequence number. A throwing listener never breaks the run. */
  emit(body: EventBody): void {
    const seq = this.state.seq++
    if (this.checkpoint) this.safely(this.checkpoint, this.state)
    if (!this.listener) return
    // Stamped in place: callers pass a fresh literal, and copying it with a spread is several times slower.
    let event = body as RunEvent
    event.runId = this.state.runId
    event.seq = seq
    event.at = this.clock.now()
    if (this.secrets.size > 0) event = this.secrets.redact(event)
    if (event.type === 'node.succeeded') event.output = truncateOutput(event.output, this.maxOutputBytes)
    this.safely(this.listener, event)
  }

  private safely<T>(fn: (v: T) => void, v: T): void {
    try {
      fn(v)
    } catch {
      // Observers must not change the outcome of a run.
    }
  }
}
