import { useState } from 'react'
import { api, type Schemas, unwrap } from '../api/client.ts'
import { useSession } from '../app/session.ts'
import { ErrorNotice } from '../lib/ErrorNotice.tsx'
import { useLoad } from '../lib/useLoad.ts'
import { AuditFilterForm } from './audit/AuditFilterForm.tsx'
import { AuditTable } from './audit/AuditTable.tsx'
import { type AuditFilters, auditQuery, NO_AUDIT_FILTER } from './audit/audit-filters.ts'

type Page = { items: Schemas['AuditEntry'][]; nextCursor?: string }

async function fetchAudit(filters: AuditFilters, cursor?: string): Promise<Page> {
  return unwrap(await api.GET('/api/audit', { params: { query: auditQuery(filters, cursor) } }))
}

/** Admin page: the append-only audit log with filters and "Load more". */
export default function AuditPage() {
  const canRead = useSession((s) => s.can('audit.read'))
  const [filters, setFilters] = useState<AuditFilters>(NO_AUDIT_FILTER)
  const log = useLoad(`audit:${JSON.stringify(filters)}`, () => fetchAudit(filters))
  const [more, setMore] = useState<{ busy: boolean; error?: unknown }>({ busy: false })

  if (!canRead)
    return (
      <div className="page">
        <h1>Audit log</h1>
        <p className="alert">Reading the audit log needs the audit.read permission (admin).</p>
      </div>
    )

  async function loadMore() {
    const page = log.data
    if (!page?.nextCursor) return
    setMore({ busy: true })
    try {
      const next = await fetchAudit(filters, page.nextCursor)
      log.setData({ items: [...page.items, ...next.items], nextCursor: next.nextCursor })
      setMore({ busy: false })
    } catch (error) {
      setMore({ busy: false, error })
    }
  }

  return (
    <div className="page">
      <div className="page-header">
        <h1>Audit log</h1>
      </div>
      <AuditFilterForm value={filters} onApply={setFilters} />
      <ErrorNotice error={log.error} title="Could not load the audit log" />
      {log.loading ? <p className="muted">Loading…</p> : null}
      {log.data && log.data.items.length === 0 ? <p className="empty">No entry matches.</p> : null}
      {log.data && log.data.items.length > 0 ? <AuditTable entries={log.data.items} /> : null}
      <ErrorNotice error={more.error} title="Could not load more" />
      {log.data?.nextCursor ? (
        <div className="row" style={{ justifyContent: 'center', marginTop: 12 }}>
          <button type="button" onClick={() => void loadMore()} disabled={more.busy}>
            {more.busy ? 'Loading…' : 'Load more'}
          </button>
        </div>
      ) : null}
    </div>
  )
}
