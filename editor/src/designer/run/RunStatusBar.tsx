import { formatDuration } from '../../lib/format-time.ts'
import { StatusBadge } from '../../lib/StatusBadge.tsx'
import type { RunTrace } from './overlay.ts'
import { connectionNote, type RunWatch } from './use-run-watch.ts'

/**
 * A run's status line: status, id and duration; where it failed (a click selects that node); the
 * live trace's connection; malformed messages that were ignored.
 * @example <RunStatusBar trace={trace} watch={watch} onSelect={select} />
 */
export function RunStatusBar({
  trace,
  watch,
  onSelect,
}: {
  trace: RunTrace
  watch: RunWatch
  onSelect(nodeId: string): void
}) {
  const note = connectionNote(watch)
  const duration =
    trace.startedAt !== undefined && trace.finishedAt !== undefined
      ? trace.finishedAt - trace.startedAt
      : undefined
  const failedAt = trace.error?.nodeId
  return (
    <section className="run-status stack" aria-label="Run status">
      <div className="row">
        <StatusBadge status={trace.status} />
        <span className="mono muted">{trace.runId}</span>
        {duration !== undefined ? <span className="muted">{formatDuration(duration)}</span> : null}
      </div>
      {trace.error ? (
        <div className="alert" role="note">
          {failedAt ? (
            <>
              Failed at{' '}
              <button
                type="button"
                className="ghost mono"
                aria-label={`Show failed node ${failedAt}`}
                onClick={() => onSelect(failedAt)}
              >
                {failedAt}
              </button>
              {': '}
            </>
          ) : null}
          {trace.error.code}: {trace.error.message}
        </div>
      ) : null}
      {note ? (
        <p className="run-connection" role="status">
          {note}
        </p>
      ) : null}
      {watch.malformed > 0 ? (
        <p className="muted">
          {watch.malformed === 1
            ? '1 malformed trace message was ignored.'
            : `${watch.malformed} malformed trace messages were ignored.`}
        </p>
      ) : null}
    </section>
  )
}
