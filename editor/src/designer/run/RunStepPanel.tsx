import { RotateCcw } from 'lucide-react'
import { ErrorNotice } from '../../lib/ErrorNotice.tsx'
import { useLoad } from '../../lib/useLoad.ts'
import { StepDetail } from '../../pages/run-detail/StepDetail.tsx'
import type { NodeTrace } from './overlay.ts'
import { getRun } from './run-api.ts'

/**
 * The selected node's step in a run: input, output, logs and error of its latest attempt, reloaded
 * when the node's state changes; with `onRetry`, a "Retry from this node" button.
 * @example <RunStepPanel runId={runId} nodeId="vt" node={trace.nodes.vt} onRetry={retry} />
 */
export function RunStepPanel({
  runId,
  nodeId,
  node,
  onRetry,
}: {
  runId: string
  nodeId: string
  node: NodeTrace | undefined
  onRetry?: (nodeId: string) => void
}) {
  const key = `${runId}:${nodeId}:${node?.status ?? 'none'}:${node?.attempt ?? 0}`
  const run = useLoad(key, () => getRun(runId))
  const step = run.data?.steps
    .filter((s) => s.nodeId === nodeId)
    .reduce<(typeof run.data.steps)[number] | undefined>(
      (latest, s) => (latest === undefined || s.attempt >= latest.attempt ? s : latest),
      undefined,
    )
  return (
    <section className="run-step stack" aria-label={`Details of ${nodeId}`}>
      <div className="row">
        <h3 className="run-step-title">
          Node <span className="mono">{nodeId}</span>
        </h3>
        {onRetry ? (
          <button type="button" onClick={() => onRetry(nodeId)}>
            <RotateCcw size={14} aria-hidden="true" />
            Retry from this node
          </button>
        ) : null}
      </div>
      {step ? (
        <StepDetail step={step} />
      ) : node?.error ? (
        <div className="alert" role="note">
          {node.error.code ? `${node.error.code}: ` : ''}
          {node.error.message}
        </div>
      ) : (
        <p className="muted">
          {run.loading
            ? 'Loading the step…'
            : node
              ? 'No step recorded for this node yet.'
              : 'This node has not run.'}
        </p>
      )}
      <ErrorNotice error={run.error} title="Step" />
    </section>
  )
}
