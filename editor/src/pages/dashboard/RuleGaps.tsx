import { Link } from 'wouter'
import type { Schemas } from '../../api/client.ts'
import { formatAgo, formatDateTime } from '../../lib/format-time.ts'

/**
 * Rules seen in production alerts that no playbook lists in its `rules`: gaps in coverage.
 * @example <RuleGaps rules={rules.items} now={Date.now()} />
 */
export function RuleGaps({ rules, now }: { rules: readonly Schemas['Rule'][]; now: number }) {
  const gaps = rules.filter((r) => r.gap)
  return (
    <section className="card dashboard-panel" aria-label="Coverage gaps">
      <h2>Rules without a playbook</h2>
      {gaps.length === 0 ? (
        <p className="muted">Every rule seen in alerts has a playbook.</p>
      ) : (
        <table className="list" aria-label="Rules without a playbook">
          <thead>
            <tr>
              <th>Rule</th>
              <th>Sources</th>
              <th>Alerts</th>
              <th>Cases</th>
              <th>Last seen</th>
            </tr>
          </thead>
          <tbody>
            {gaps.map((r) => (
              <tr key={r.ruleId}>
                <th scope="row">
                  <Link href={`/cases?rule=${encodeURIComponent(r.ruleId)}`}>{r.ruleId}</Link>
                  {r.ruleName && r.ruleName !== r.ruleId ? <div className="muted">{r.ruleName}</div> : null}
                </th>
                <td>{r.sources.join(', ')}</td>
                <td>{r.alerts}</td>
                <td>{r.cases}</td>
                <td title={formatDateTime(r.lastSeenAt)}>{formatAgo(r.lastSeenAt, now)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
