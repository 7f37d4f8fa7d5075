import { Link } from 'wouter'
import { formatDateTime } from '../../lib/format-time.ts'
import { StatusBadge } from '../../lib/StatusBadge.tsx'
import type { CaseDetail } from './case-edit.ts'

/**
 * The runs linked to a case (each a link to its run page) and the playbooks that answer its rule.
 * @example <CaseLinks value={c} />
 */
export function CaseLinks({ value: c }: { value: CaseDetail }) {
  return (
    <div className="case-links">
      <section aria-label="Linked runs">
        <h2>Runs</h2>
        {c.runs.length === 0 ? (
          <p className="muted">No run is linked to this case.</p>
        ) : (
          <ul className="plain-list">
            {c.runs.map((r) => (
              <li key={r.runId}>
                <Link href={`/runs/${encodeURIComponent(r.runId)}`} className="mono">
                  {r.runId}
                </Link>{' '}
                {r.status ? <StatusBadge status={r.status} /> : <span className="muted">deleted</span>}{' '}
                <span className="muted">
                  {r.playbookId}
                  {r.version === null ? ' (draft)' : ` v${r.version}`} ·{' '}
                  {formatDateTime(r.queuedAt ?? r.linkedAt)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-label="Playbooks for this rule">
        <h2>Playbooks for this rule</h2>
        {c.ruleId === null ? (
          <p className="muted">The case has no rule.</p>
        ) : c.playbooks.length === 0 ? (
          <p className="alert warning">
            No playbook lists rule <span className="mono">{c.ruleId}</span> in its rules: a gap in coverage.
          </p>
        ) : (
          <ul className="plain-list">
            {c.playbooks.map((p) => (
              <li key={p.id}>
                <Link href={`/playbooks/${encodeURIComponent(p.id)}`}>{p.name}</Link>{' '}
                <StatusBadge status={p.published ? 'published' : 'draft'} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}
