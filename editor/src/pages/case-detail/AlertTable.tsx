import { Fragment, useState } from 'react'
import { formatDateTime } from '../../lib/format-time.ts'
import { JsonView } from '../../lib/JsonView.tsx'
import { StatusBadge } from '../../lib/StatusBadge.tsx'
import type { CaseDetail } from './case-edit.ts'

type Alert = CaseDetail['alerts'][number]

/**
 * The alerts linked to a case, newest first: event time, source, rule, severity, host and user, and
 * the raw payload on demand (a payload is only laid out when opened, so 200 large ones stay cheap).
 * @example <AlertTable alerts={c.alerts} total={c.alertCount} />
 */
export function AlertTable({ alerts, total }: { alerts: readonly Alert[]; total: number }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set())
  const toggle = (id: string) =>
    setOpen((s) => {
      const next = new Set(s)
      if (!next.delete(id)) next.add(id)
      return next
    })
  if (alerts.length === 0) return <p className="empty">No alert is linked to this case.</p>
  return (
    <>
      {total > alerts.length ? (
        <p className="muted">
          Showing the newest {alerts.length} of {total} alerts.
        </p>
      ) : null}
      <table className="list" aria-label="Linked alerts">
        <thead>
          <tr>
            <th>Event time</th>
            <th>Source</th>
            <th>Rule</th>
            <th>Severity</th>
            <th>Host / user</th>
            <th>Alert</th>
          </tr>
        </thead>
        <tbody>
          {alerts.map((a) => (
            <Fragment key={a.id}>
              <tr data-alert={a.id}>
                <td title={`received ${formatDateTime(a.receivedAt)}`}>{formatDateTime(a.eventAt)}</td>
                <td>{a.source}</td>
                <td>
                  {a.ruleId ?? <span className="muted">none</span>}
                  {a.ruleName && a.ruleName !== a.ruleId ? <div className="muted">{a.ruleName}</div> : null}
                </td>
                <td>
                  <StatusBadge status={a.severity} />
                </td>
                <td>
                  {a.host ?? <span className="muted">no host</span>}
                  {a.user ? <div className="muted">{a.user}</div> : null}
                </td>
                <td>
                  <div className="mono">{a.externalId ?? a.id}</div>
                  <button
                    type="button"
                    className="ghost"
                    aria-expanded={open.has(a.id)}
                    onClick={() => toggle(a.id)}
                  >
                    {open.has(a.id) ? 'Hide payload' : 'Raw payload'}
                  </button>
                </td>
              </tr>
              {open.has(a.id) ? (
                <tr>
                  <td colSpan={6}>
                    <JsonView label={`Raw payload of ${a.externalId ?? a.id}`} value={a.raw} open />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          ))}
        </tbody>
      </table>
    </>
  )
}
