/**
 * A case's timeline as rows to read: each entry described in words, and runs of alerts joining the
 * case folded into one row (a burst of 100 alerts is one line, not 100).
 */
import type { CaseDetail } from './case-edit.ts'

export type TimelineEntry = CaseDetail['timeline'][number]

/** One row of the timeline as shown. */
export interface TimelineRow {
  id: number
  at: number
  /** The last moment of a folded run of alerts. */
  until?: number
  actor: string
  kind: string
  text: string
}

const text = (v: unknown) => (v === null || v === undefined || v === '' ? 'none' : String(v))
const words = (v: unknown) => text(v).replaceAll('_', ' ')

function detailsOf(entry: TimelineEntry): Record<string, unknown> {
  const d = entry.details
  return d && typeof d === 'object' && !Array.isArray(d) ? (d as Record<string, unknown>) : {}
}

/**
 * An entry in words.
 * @example describeEntry({ kind: 'status', details: { from: 'new', to: 'closed' }, … }) // 'Status: new → closed'
 */
export function describeEntry(entry: TimelineEntry): string {
  const d = detailsOf(entry)
  const list = (v: unknown) => (Array.isArray(v) && v.length > 0 ? v.join(', ') : 'none')
  switch (entry.kind) {
    case 'opened':
      return d.alertId ? 'Opened by an alert' : 'Opened by a run'
    case 'alert':
      return 'An alert joined'
    case 'status':
    case 'severity':
    case 'assignee':
    case 'disposition':
    case 'title':
      return `${entry.kind.charAt(0).toUpperCase()}${entry.kind.slice(1)}: ${words(d.from)} → ${words(d.to)}`
    case 'tags':
      return `Tags: ${list(d.from)} → ${list(d.to)}`
    case 'comment':
      return `Comment: ${text(d.text)}`
    case 'contained':
      return `Contained by step ${text(d.nodeId)} of run ${text(d.runId)}`
    case 'run.retried':
      return `Run ${text(d.retryOf)} retried as run ${text(d.runId)}`
    case 'grouping.closed':
      return d.reason === 'window'
        ? `Stopped taking alerts: none for ${text(d.windowMinutes)} min`
        : 'Stopped taking alerts'
    default:
      return entry.kind
  }
}

/**
 * The rows of a timeline, oldest first, with consecutive `alert` entries folded into one row.
 * @example timelineRows(entries).map((r) => r.text) // ['Opened by an alert', '19 alerts joined', 'Status: new → acknowledged']
 */
export function timelineRows(entries: readonly TimelineEntry[]): TimelineRow[] {
  const rows: TimelineRow[] = []
  let folded = 0
  for (const entry of entries) {
    const last = rows.at(-1)
    if (entry.kind === 'alert' && last?.kind === 'alert') {
      folded += 1
      last.until = entry.at
      last.text = `${folded} alerts joined`
      continue
    }
    folded = entry.kind === 'alert' ? 1 : 0
    rows.push({
      id: entry.id,
      at: entry.at,
      actor: entry.actor,
      kind: entry.kind,
      text: describeEntry(entry),
    })
  }
  return rows
}
