import { useEffect } from 'react'
import { catalog } from '../../lib/catalog.ts'
import { ErrorNotice } from '../../lib/ErrorNotice.tsx'
import { useLoad } from '../../lib/useLoad.ts'
import { StepTimeline } from '../../pages/run-detail/StepTimeline.tsx'
import { PlaybookCanvas } from '../canvas/PlaybookCanvas.tsx'
import type { DesignerStore } from '../store/types.ts'
import { loadPlaybook } from './load-playbook.ts'
import { getRun } from './run-api.ts'
import { useReadOnlyStore } from './use-read-only-store.ts'
import { connectionNote, useRunWatch } from './use-run-watch.ts'
import './run.css'

/** Steps are read again this long after the last trace change (one read per burst of events). */
const STEPS_DEBOUNCE_MS = 300

/**
 * A run drawn on its playbook version's graph (the draft for a test run of the draft): read-only
 * canvas with the run's overlay, and the steps on a time axis. A run that is not finished is followed
 * live over SSE. `timeline={false}` leaves the steps to the page.
 * @example <RunGraph runId={run.id} playbookId={run.playbookId} version={run.version ?? undefined} />
 */
export function RunGraph({
  runId,
  playbookId,
  version,
  timeline = true,
}: {
  runId: string
  playbookId: string
  version?: number
  timeline?: boolean
}) {
  const loaded = useLoad(`${playbookId}@${version ?? 'draft'}`, async () => {
    const { registry } = await catalog()
    return { registry, playbook: await loadPlaybook(playbookId, version, registry) }
  })
  const store = useReadOnlyStore(loaded.data?.playbook, loaded.data?.registry)
  const what = version === undefined ? 'the draft' : `version ${version}`
  if (!store)
    return (
      <div className="stack">
        <ErrorNotice error={loaded.error} title={`Could not load ${what} of ${playbookId}`} />
        {loaded.loading ? <p className="muted">Loading the graph…</p> : null}
      </div>
    )
  return <RunGraphView store={store} runId={runId} timeline={timeline} label={`${playbookId}, ${what}`} />
}

function RunGraphView({
  store,
  runId,
  timeline,
  label,
}: {
  store: DesignerStore
  runId: string
  timeline: boolean
  label: string
}) {
  const watch = useRunWatch(store, runId)
  const run = useLoad(`run:${runId}`, () => getRun(runId))
  const lastSeq = watch.trace?.lastSeq ?? -1
  const { reload } = run
  useEffect(() => {
    if (!timeline || lastSeq < 0) return
    const timer = setTimeout(() => void reload(), STEPS_DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [timeline, lastSeq, reload])
  const note = connectionNote(watch)
  return (
    <div className="stack">
      {note ? (
        <p className="run-connection" role="status">
          {note}
        </p>
      ) : null}
      <figure className="run-graph-canvas" aria-label={`Run ${runId} on ${label}`}>
        <PlaybookCanvas store={store} readOnly />
      </figure>
      {timeline ? (
        <>
          <ErrorNotice error={run.error} title="Steps" />
          {run.data ? (
            <StepTimeline
              steps={run.data.steps}
              runStart={run.data.startedAt}
              runEnd={run.data.finishedAt}
              now={Date.now()}
            />
          ) : null}
        </>
      ) : null}
    </div>
  )
}
