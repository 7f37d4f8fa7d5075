import type { ReactNode } from 'react'
import { Link } from 'wouter'
import { elapsed, formatDateTime, formatDuration } from '../../lib/format-time.ts'
import { StatusBadge } from '../../lib/StatusBadge.tsx'
import { type CaseDetail, DISPOSITION_LABELS } from './case-edit.ts'

/** An empty fact. */
const none = (text = 'none') => <span className="muted">{text}</span>

/** A moment, with how long after the case was opened it came. */
function since(at: number | null, createdAt: number): ReactNode {
  if (at === null) return <span className="muted">not yet</span>
  return (
    <span title={formatDateTime(at)}>
      {formatDateTime(at)} <span className="muted">(+{formatDuration(elapsed(createdAt, at))})</span>
    </span>
  )
}

/**
 * What a case is and where it stands: severity, status, assignee, disposition, rule, source,
 * playbook, alerts, and its KPI moments (detected, opened, acknowledged, contained, resolved).
 * @example <CaseFacts value={c} />
 */
export function CaseFacts({ value: c }: { value: CaseDetail }) {
  const facts: [string, ReactNode][] = [
    ['Severity', <StatusBadge key="sev" status={c.severity} />],
    ['Status', <StatusBadge key="st" status={c.status} />],
    ['Assignee', c.assignee ?? none('unassigned')],
    ['Disposition', c.disposition ? DISPOSITION_LABELS[c.disposition] : none()],
    ['Rule', c.ruleId ?? none()],
    ['Source', c.source ?? none()],
    [
      'Playbook',
      <Link key="pb" href={`/playbooks/${encodeURIComponent(c.playbookId)}`}>
        {c.playbookId}
      </Link>,
    ],
    ['Alerts', `${c.alertCount}${c.grouping ? ' (still grouping)' : ''}`],
    ['Detected', formatDateTime(c.detectedAt)],
    ['Opened', formatDateTime(c.createdAt)],
    ['Acknowledged', since(c.acknowledgedAt, c.createdAt)],
    ['Contained', since(c.containedAt, c.createdAt)],
    ['Resolved', since(c.resolvedAt, c.createdAt)],
  ]
  return (
    <dl className="facts" aria-label="Case facts">
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}
