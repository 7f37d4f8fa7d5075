import { RotateCcw } from 'lucide-react'
import type { Schemas } from '../../api/client.ts'
import { formatDateTime } from '../../lib/format-time.ts'
import { JsonView } from '../../lib/JsonView.tsx'

export type RunStep = Schemas['RunStep']

function errorText(error: unknown): string | undefined {
  if (typeof error === 'string') return error
  if (error && typeof error === 'object') {
    const e = error as { code?: unknown; message?: unknown }
    if (typeof e.message === 'string')
      return typeof e.code === 'string' ? `${e.code}: ${e.message}` : e.message
  }
  return undefined
}

/**
 * One step's input, output, logs and error, each collapsible; a failed step offers a retry from it.
 * @example <StepDetail step={step} onRetry={retryFrom} />
 */
export function StepDetail({ step, onRetry }: { step: RunStep; onRetry?: (nodeId: string) => void }) {
  const message = errorText(step.error)
  return (
    <section className="card stack" aria-label={`Step ${step.nodeId}, attempt ${step.attempt}`}>
      <div className="row">
        <strong className="mono">{step.nodeId}</strong>
        <span className="muted">
          attempt {step.attempt} · started {formatDateTime(step.startedAt)} · finished{' '}
          {formatDateTime(step.finishedAt)}
        </span>
        {onRetry && step.status === 'failed' ? (
          <button type="button" onClick={() => onRetry(step.nodeId)}>
            <RotateCcw size={14} aria-hidden="true" />
            Retry from {step.nodeId}
          </button>
        ) : null}
      </div>
      {message ? (
        <div className="alert" role="note">
          {message}
        </div>
      ) : null}
      <JsonView label="Input" value={step.input ?? null} />
      <JsonView label="Output" value={step.output ?? null} open={step.status === 'succeeded'} />
      <JsonView label={`Logs (${step.logs.length})`} value={step.logs} open={step.logs.length > 0} />
      {step.error !== undefined ? <JsonView label="Error" value={step.error} open /> : null}
    </section>
  )
}
