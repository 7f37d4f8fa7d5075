import type { Schemas } from '../../api/client.ts'
import { formatDateTime } from '../../lib/format-time.ts'
import { JsonView } from '../../lib/JsonView.tsx'

/**
 * Audit entries, newest first: when, who, what, on which target, and the details on demand.
 * @example <AuditTable entries={items} />
 */
export function AuditTable({ entries }: { entries: readonly Schemas['AuditEntry'][] }) {
  return (
    <table className="list" aria-label="Audit log">
      <thead>
        <tr>
          <th>When</th>
          <th>Actor</th>
          <th>Action</th>
          <th>Target</th>
          <th>Details</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id}>
            <td>{formatDateTime(e.at)}</td>
            <td>{e.actor}</td>
            <td className="mono">{e.action}</td>
            <td className="mono">{e.target ?? '—'}</td>
            <td>
              {e.details === undefined || e.details === null ? (
                '—'
              ) : (
                <JsonView label="Details" value={e.details} />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
