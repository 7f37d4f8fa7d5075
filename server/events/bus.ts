import type { RunEvent } from '../../runtime/engine/types.ts'

/** Receives a run's events as they are published. */
export type RunEventListener = (event: RunEvent) => void

/** Call to stop listening; calling it twice is harmless. */
export type Unsubscribe = () => void

/**
 * Fans run events out to whoever watches: SSE streams per run, run lists for "any run changed". The
 * in-memory implementation serves one process; a multi-process deployment swaps in one backed by the
 * shared database or a broker, behind this same interface.
 */
export interface EventBus {
  /** Delivers `event` to the run's listeners and to the global ones. Never throws for a listener. */
  publish(runId: string, event: RunEvent): void
  /** Listens to one run's events. */
  subscribe(runId: string, listener: RunEventListener): Unsubscribe
  /** Listens to every run's events (run lists refresh on `run.*` events). */
  subscribeAll(listener: RunEventListener): Unsubscribe
}
