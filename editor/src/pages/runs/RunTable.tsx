import { Link } from 'wouter'
import { elapsed, formatAgo, formatDateTime, formatDuration } from '../../lib/format-time.ts'
import { StatusBadge } from '../../lib/StatusBadge.tsx'
import type { RunSummary } from './useRunList.ts'

/**
 * Runs as a table: status, playbook and version, mode, when, how long, who, and retries.
 * @example <RunTable runs={page.items} now={Date.now()} />
 */
export function RunTable({ runs, now }: { runs: readonly RunSummary[]; now: number }) {
  return (
    <table className="list" aria-label="Runs">
      <thead>
        <tr>
          <th>Run</th>
          <th>Status</th>
          <th>Playbook</th>
          <th>Mode</th>
          <th>Queued</th>
          <th>Duration</th>
          <th>Started by</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((r) => (
          <tr key={r.id}>
            <td>
              <Link href={`/runs/${encodeURIComponent(r.id)}`} className="mono">
                {r.id}
              </Link>
              {r.retryOfRunId ? (
                <div className="muted">
                  retry of{' '}
                  <Link href={`/runs/${encodeURIComponent(r.retryOfRunId)}`} className="mono">
                    {r.retryOfRunId}
                  </Link>
                  {r.retryFromNode ? ` from ${r.retryFromNode}` : ''}
                </div>
              ) : null}
            </td>
            <td>
              <StatusBadge status={r.status} />
              {r.error ? (
                <div className="muted" title={r.error.message}>
                  {r.error.nodeId ? `${r.error.nodeId}: ` : ''}
                  {r.error.code}
                </div>
              ) : null}
            </td>
            <td>
              <Link href={`/playbooks/${encodeURIComponent(r.playbookId)}`}>{r.playbookId}</Link>
              <span className="muted">{r.version === null ? ' (draft)' : ` v${r.version}`}</span>
            </td>
            <td>{r.mode}</td>
            <td title={formatDateTime(r.queuedAt)}>{formatAgo(r.queuedAt, now)}</td>
            <td>{formatDuration(elapsed(r.startedAt, r.finishedAt, now))}</td>
            <td>{r.createdBy ?? <span className="muted">trigger</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
