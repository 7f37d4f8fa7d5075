import { Link } from 'wouter'
import { formatAgo, formatDateTime } from '../../lib/format-time.ts'
import { StatusBadge } from '../../lib/StatusBadge.tsx'
import type { CaseSummary } from './useCaseList.ts'

/** The address of a case's page. */
export const caseHref = (id: string) => `/cases/${encodeURIComponent(id)}`

/**
 * Cases as a table: title, severity, status, rule and source, alerts, assignee, when opened and
 * when the last alert joined.
 * @example <CaseTable cases={page.items} now={Date.now()} />
 */
export function CaseTable({ cases, now }: { cases: readonly CaseSummary[]; now: number }) {
  return (
    <table className="list" aria-label="Cases">
      <thead>
        <tr>
          <th>Case</th>
          <th>Severity</th>
          <th>Status</th>
          <th>Rule</th>
          <th>Alerts</th>
          <th>Assignee</th>
          <th>Opened</th>
          <th>Last alert</th>
        </tr>
      </thead>
      <tbody>
        {cases.map((c) => (
          <tr key={c.id}>
            <td>
              <Link href={caseHref(c.id)}>{c.title}</Link>
              <div className="muted mono">{c.id}</div>
              {c.tags.length > 0 ? (
                <div>
                  {c.tags.map((t) => (
                    <span key={t} className="tag">
                      {t}
                    </span>
                  ))}
                </div>
              ) : null}
            </td>
            <td>
              <StatusBadge status={c.severity} />
            </td>
            <td>
              <StatusBadge status={c.status} />
              {c.disposition ? <div className="muted">{c.disposition.replaceAll('_', ' ')}</div> : null}
            </td>
            <td>
              {c.ruleId ?? <span className="muted">none</span>}
              {c.source ? <div className="muted">{c.source}</div> : null}
            </td>
            <td>{c.alertCount}</td>
            <td>{c.assignee ?? <span className="muted">unassigned</span>}</td>
            <td title={formatDateTime(c.createdAt)}>{formatAgo(c.createdAt, now)}</td>
            <td title={formatDateTime(c.lastAlertAt)}>{formatAgo(c.lastAlertAt, now)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
