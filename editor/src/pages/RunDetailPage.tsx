import { useState } from 'react'
import { useLocation } from 'wouter'
import { api, unwrap } from '../api/client.ts'
import { useSession } from '../app/session.ts'
import { RunGraph } from '../designer/run/RunGraph.tsx'
import { ErrorNotice } from '../lib/ErrorNotice.tsx'
import { JsonView } from '../lib/JsonView.tsx'
import { isLive } from '../lib/status.ts'
import { useLoad } from '../lib/useLoad.ts'
import { usePolling } from '../lib/usePolling.ts'
import { RunActions } from './run-detail/RunActions.tsx'
import { RunFacts } from './run-detail/RunFacts.tsx'
import { StepTimeline } from './run-detail/StepTimeline.tsx'
import { failedNode } from './run-detail/timeline.ts'

/** How often a run that is still going is read again. */
const POLL_MS = 1_500

/** One run: facts, its graph (drawn by the run panel), the step timeline with details, cancel and retry. */
export default function RunDetailPage({ params }: { params: { id?: string } }) {
  const id = params.id ?? ''
  const [, navigate] = useLocation()
  const can = useSession((s) => s.can)
  const run = useLoad(`run:${id}`, async () =>
    unwrap(await api.GET('/api/runs/{id}', { params: { path: { id } } })),
  )
  const [retryError, setRetryError] = useState<unknown>()
  const data = run.data
  usePolling(run.reload, POLL_MS, data !== undefined && isLive(data.status))

  if (!data)
    return (
      <div className="page">
        <h1>
          Run <span className="mono">{id}</span>
        </h1>
        <ErrorNotice error={run.error} title="Could not load the run" />
        {run.loading ? <p className="muted">Loading…</p> : null}
      </div>
    )

  const now = Date.now()
  const live = isLive(data.status)
  const canRetry = !live && can(data.mode === 'production' ? 'run.production' : 'run.test')
  const cancel = async () => {
    unwrap(await api.POST('/api/runs/{id}/cancel', { params: { path: { id } } }))
    await run.reload()
  }
  const retry = async (fromNode?: string) => {
    const { runId } = unwrap(
      await api.POST('/api/runs/{id}/retry', {
        params: { path: { id } },
        body: fromNode ? { fromNode } : {},
      }),
    )
    navigate(`/runs/${encodeURIComponent(runId)}`)
  }
  return (
    <div className="page stack">
      <div className="page-header">
        <h1>
          Run <span className="mono">{data.id}</span>
        </h1>
        <RunActions
          canCancel={live && can(data.mode === 'production' ? 'run.cancel' : 'run.test')}
          canRetry={canRetry}
          failedNode={failedNode(data, data.steps)}
          onCancel={cancel}
          onRetry={retry}
        />
      </div>
      <RunFacts run={data} now={now} />
      {data.error ? (
        <div className="alert" role="note">
          {data.error.nodeId ? <strong className="mono">{data.error.nodeId}: </strong> : null}
          {data.error.code}: {data.error.message}
        </div>
      ) : null}
      <ErrorNotice error={run.error} title="Could not refresh the run" />
      <section className="run-graph" aria-label="Run on the playbook graph">
        <RunGraph
          runId={data.id}
          playbookId={data.playbookId}
          timeline={false}
          {...(data.version === null ? {} : { version: data.version })}
        />
      </section>
      <h2>Steps</h2>
      <StepTimeline
        steps={data.steps}
        runStart={data.startedAt}
        runEnd={data.finishedAt}
        now={now}
        {...(canRetry ? { onRetry: (nodeId: string) => void retry(nodeId).catch(setRetryError) } : {})}
      />
      <ErrorNotice error={retryError} title="Could not retry" />
      <h2>Trigger and outputs</h2>
      <JsonView label="Trigger event" value={data.trigger ?? null} />
      <JsonView label="Run outputs" value={data.outputs ?? null} open={data.outputs !== undefined} />
    </div>
  )
}
