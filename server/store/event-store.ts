import type { RunEvent } from '../../runtime/engine/types.ts'

/** A run's trace events, for Server-Sent Events replay (`Last-Event-ID` is the last seq seen). */
export interface EventStore {
  /** Appends events (of one or several runs) in one transaction, with the steps they imply. */
  append(events: RunEvent[]): Promise<void>
  /** Events of `runId` with `seq > afterSeq`, ascending; `afterSeq` -1 (the default) replays all. */
  list(runId: string, opts?: { afterSeq?: number; limit?: number }): Promise<RunEvent[]>
}
