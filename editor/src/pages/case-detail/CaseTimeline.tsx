import { formatDateTime } from '../../lib/format-time.ts'
import { type TimelineEntry, timelineRows } from './case-timeline.ts'

/**
 * Everything that happened to a case, oldest first: who, when and what (alerts joining in a burst
 * are one row).
 * @example <CaseTimeline entries={c.timeline} />
 */
export function CaseTimeline({ entries }: { entries: readonly TimelineEntry[] }) {
  const rows = timelineRows(entries)
  return (
    <section aria-label="Timeline">
      <h2>Timeline</h2>
      {rows.length === 0 ? <p className="muted">Nothing has happened yet.</p> : null}
      <ol className="plain-list case-timeline">
        {rows.map((r) => (
          <li key={r.id} data-kind={r.kind}>
            <span className="muted">
              {formatDateTime(r.at)}
              {r.until !== undefined && r.until !== r.at ? ` – ${formatDateTime(r.until)}` : ''}
            </span>
            <span>{r.text}</span>
            <span className="muted">{r.actor}</span>
          </li>
        ))}
      </ol>
    </section>
  )
}
