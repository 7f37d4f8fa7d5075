import { useState } from 'react'
import { formatDuration } from '../../lib/format-time.ts'
import { StatusBadge } from '../../lib/StatusBadge.tsx'
import { toneOf } from '../../lib/status.ts'
import { type RunStep, StepDetail } from './StepDetail.tsx'
import { timelineRows } from './timeline.ts'

/**
 * The steps of a run as a timeline (node, status, attempt, duration bar on the run's time axis);
 * a click on a step opens its input, output, logs and error below it.
 * @example <StepTimeline steps={run.steps} runStart={run.startedAt} runEnd={run.finishedAt} now={now} />
 */
export function StepTimeline({
  steps,
  runStart,
  runEnd,
  now,
  onRetry,
}: {
  steps: readonly RunStep[]
  runStart: number | null
  runEnd: number | null
  now: number
  onRetry?: (nodeId: string) => void
}) {
  const [open, setOpen] = useState<string>()
  if (steps.length === 0) return <p className="muted">No step has run yet.</p>
  const rows = timelineRows(steps, runStart, runEnd, now)
  return (
    <ul className="timeline" aria-label="Steps">
      {rows.map((row) => (
        <li key={row.key} className="stack">
          <button
            type="button"
            className="timeline-row"
            aria-expanded={open === row.key}
            aria-label={`${row.step.nodeId}: ${row.step.status}, attempt ${row.step.attempt}`}
            onClick={() => setOpen(open === row.key ? undefined : row.key)}
          >
            <span className="mono">{row.step.nodeId}</span>
            <StatusBadge status={row.step.status} />
            <span className="muted">#{row.step.attempt}</span>
            <span className="row" style={{ flexWrap: 'nowrap' }}>
              <span className="timeline-track" style={{ flex: 1 }}>
                <span
                  className="timeline-bar"
                  data-tone={toneOf(row.step.status)}
                  style={{ left: `${row.offset * 100}%`, width: `${row.width * 100}%` }}
                />
              </span>
              <span className="muted" style={{ minWidth: 70, textAlign: 'right' }}>
                {formatDuration(row.durationMs)}
              </span>
            </span>
          </button>
          {open === row.key ? <StepDetail step={row.step} {...(onRetry ? { onRetry } : {})} /> : null}
        </li>
      ))}
    </ul>
  )
}
