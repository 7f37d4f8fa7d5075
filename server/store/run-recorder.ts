import type { RunEvent, RunResult, RunState } from '../../runtime/engine/types.ts'
import type { RunBatch, RunStore } from './run-store.ts'

/** Buffers one run's events and checkpoints and writes them as one batch per engine tick. */
export interface RunRecorder {
  /** Pass as the engine's `onEvent`. */
  onEvent(event: RunEvent): void
  /** Pass as the engine's `onCheckpoint`. */
  onCheckpoint(state: RunState): void
  /** Writes what is buffered now; resolves when it is stored. Rejects with the first write error. */
  flush(): Promise<void>
  /** Writes the rest with the run's result: its end if it finished, its checkpoint if it waits. */
  finish(result: RunResult, at: number): Promise<void>
}

export interface RunRecorderOptions {
  /** Flush as soon as this many events are buffered (default 500). */
  maxEvents?: number
  /** Defers a flush to the end of the current tick (default `setImmediate`). */
  schedule?: (fn: () => void) => void
  /** Called with each batch's events once they are stored: publish to live watchers from here, so a
   * watcher that replays from the store never misses an event it was told about. */
  onPersisted?: (events: RunEvent[]) => void
}

/**
 * Batches persistence so it does not dominate a run: events and the latest checkpoint go to the store
 * in one transaction per engine tick (or every `maxEvents` events) and at the end. The checkpoint is
 * serialised at flush time, not at every `onCheckpoint`: the engine calls back with its live state on
 * each event, and a flush runs between the engine's synchronous steps, when that state is whole and
 * its `seq` matches the last event buffered.
 * @example const rec = createRunRecorder(runs, runId); const r = await engine.start(pb, { runId, onEvent: rec.onEvent, onCheckpoint: rec.onCheckpoint }); await rec.finish(r, Date.now())
 */
export function createRunRecorder(
  store: Pick<RunStore, 'record'>,
  runId: string,
  opts: RunRecorderOptions = {},
): RunRecorder {
  const maxEvents = opts.maxEvents ?? 500
  const schedule = opts.schedule ?? setImmediate
  let events: RunEvent[] = []
  let state: RunState | undefined
  let scheduled = false
  let chain: Promise<void> = Promise.resolve()
  let failure: unknown

  // `record` serialises its batch before it returns (the RunStore contract), so the state written is
  // the one of this instant, consistent with the events taken with it.
  const write = (batch: RunBatch): Promise<void> => {
    const empty = batch.events.length === 0 && !batch.state && !batch.finish
    if (failure === undefined && !empty) {
      const p = store.record(runId, batch).then(
        () => {
          if (batch.events.length > 0) opts.onPersisted?.(batch.events)
        },
        (err: unknown) => {
          failure ??= err
        },
      )
      chain = chain.then(() => p)
    }
    return chain.then(() => {
      if (failure !== undefined) throw failure
    })
  }

  const take = (): RunBatch => {
    const batch = { events, ...(state ? { state } : {}) }
    events = []
    state = undefined
    return batch
  }

  const flush = () => {
    scheduled = false
    return write(take())
  }

  const soon = () => {
    if (scheduled) return
    scheduled = true
    schedule(() => void flush().catch(() => {}))
  }

  return {
    onEvent(event) {
      events.push(event)
      if (events.length >= maxEvents) void flush().catch(() => {})
      else soon()
    },
    onCheckpoint(s) {
      state = s
      soon()
    },
    flush,
    finish(result, at) {
      state = result.state
      const batch = take()
      const done = result.status !== 'running' && result.status !== 'waiting'
      return write(done ? { ...batch, finish: { status: result.status, error: result.error, at } } : batch)
    },
  }
}
