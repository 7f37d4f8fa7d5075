import { useEffect, useState } from 'react'
import type { DesignerStore } from '../store/types.ts'
import { applyEvents, emptyTrace, indexEdges, type RunTrace, toOverlay } from './overlay.ts'
import { type RunEvent, watchRun } from './run-events.ts'
import { type SseState, STREAM_ENDED } from './sse.ts'

/** A followed run: its trace so far and how the event stream stands. */
export interface RunWatch {
  trace: RunTrace | undefined
  connection: SseState
  /** Why the stream dropped or gave up. */
  connectionError: string | undefined
  /** Messages ignored because they were not run events. */
  malformed: number
}

/**
 * What the stream's state means for the user, or nothing while all is well (the server also ends the
 * stream when a run pauses on an approval: reconnecting then is routine).
 */
export function connectionNote(watch: RunWatch): string | undefined {
  if (watch.connection === 'reconnecting' && watch.connectionError !== STREAM_ENDED)
    return 'Connection lost: reconnecting to the live trace…'
  if (watch.connection === 'closed' && watch.connectionError)
    return `The live trace stopped: ${watch.connectionError}.`
  return undefined
}

/** Events arriving within this window are applied together (one canvas update per batch). */
const BATCH_MS = 40

/**
 * Follows `runId` over SSE and mirrors its trace onto the store's canvas overlay (taken edges from the
 * store's playbook). A new run id starts from a fresh overlay; no run id, or unmounting, clears it.
 * @example const { trace, connection } = useRunWatch(store, runId)
 */
export function useRunWatch(store: DesignerStore, runId: string | undefined): RunWatch {
  const [watch, setWatch] = useState<RunWatch>({
    trace: undefined,
    connection: 'closed',
    connectionError: undefined,
    malformed: 0,
  })

  useEffect(() => {
    const { setOverlay } = store.getState()
    if (runId === undefined) {
      setOverlay(null)
      setWatch({ trace: undefined, connection: 'closed', connectionError: undefined, malformed: 0 })
      return
    }
    let trace = emptyTrace(runId)
    let queue: RunEvent[] = []
    let timer: ReturnType<typeof setTimeout> | undefined
    let active = true
    const publish = () => {
      setWatch((w) => ({ ...w, trace }))
      store.getState().setOverlay(toOverlay(trace))
    }
    const flush = () => {
      timer = undefined
      const batch = queue
      queue = []
      const next = applyEvents(trace, batch, indexEdges(store.getState().playbook.edges))
      if (next === trace) return
      trace = next
      publish()
    }
    setWatch({ trace, connection: 'connecting', connectionError: undefined, malformed: 0 })
    store.getState().setOverlay(toOverlay(trace))
    const connection = watchRun(runId, {
      onEvent(event) {
        queue.push(event)
        timer ??= setTimeout(flush, BATCH_MS)
      },
      onState(state, info) {
        if (!active) return
        if (state === 'closed' && timer !== undefined) {
          clearTimeout(timer)
          flush()
        }
        setWatch((w) => ({ ...w, connection: state, connectionError: info.error }))
      },
      onMalformed(count) {
        setWatch((w) => ({ ...w, malformed: count }))
      },
    })
    return () => {
      active = false
      connection.close()
      if (timer !== undefined) clearTimeout(timer)
      store.getState().setOverlay(null)
    }
  }, [store, runId])

  return watch
}
