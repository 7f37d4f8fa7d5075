import './case.css'
import { useState } from 'react'
import { Link } from 'wouter'
import type { CaseStatus } from '../../../../nodes/action/case-fields.ts'
import { ApiError, api, unwrap } from '../../api/client.ts'
import { useSession } from '../../app/session.ts'
import { ErrorNotice } from '../../lib/ErrorNotice.tsx'
import { useLoad } from '../../lib/useLoad.ts'
import { usePolling } from '../../lib/usePolling.ts'
import { AlertTable } from './AlertTable.tsx'
import { CaseComments } from './CaseComments.tsx'
import { CaseFacts } from './CaseFacts.tsx'
import { CaseForm } from './CaseForm.tsx'
import { CaseLinks } from './CaseLinks.tsx'
import { CaseTimeline } from './CaseTimeline.tsx'
import type { CasePatch } from './case-edit.ts'
import { StatusMoves } from './StatusMoves.tsx'

/** How often the case is read again: alerts, runs and playbook changes arrive at any time. */
export const CASE_DETAIL_POLL_MS = 5_000

/**
 * One case: its facts and KPI moments, the allowed status moves, the edit form, linked alerts (with
 * raw payloads), runs and the playbooks answering its rule, comments and the timeline. A refused
 * move (409) or a rejected change (422) is shown with the server's words, and the case is read again.
 */
export default function CasePage({ params }: { params: { id?: string } }) {
  const id = params.id ?? ''
  const canManage = useSession((s) => s.can('case.manage'))
  const found = useLoad(`case:${id}`, async () =>
    unwrap(await api.GET('/api/cases/{id}', { params: { path: { id } } })),
  )
  const [action, setAction] = useState<{ busy: boolean; error?: unknown; title?: string }>({ busy: false })
  usePolling(found.reload, CASE_DETAIL_POLL_MS, found.data !== undefined)

  async function act(title: string, call: () => Promise<unknown>): Promise<boolean> {
    setAction({ busy: true })
    try {
      await call()
      setAction({ busy: false })
      await found.reload()
      return true
    } catch (error) {
      setAction({ busy: false, error, title })
      // A refused move means the case changed meanwhile: show where it stands now.
      if (error instanceof ApiError && error.status === 409) await found.reload()
      return false
    }
  }
  const patch = (body: CasePatch) =>
    act('Could not change the case', async () =>
      unwrap(await api.PATCH('/api/cases/{id}', { params: { path: { id } }, body })),
    )
  const move = (to: CaseStatus) => void patch({ status: to })
  const comment = (text: string) =>
    act('Could not add the comment', async () =>
      unwrap(await api.POST('/api/cases/{id}/comments', { params: { path: { id } }, body: { text } })),
    )

  const c = found.data
  if (!c)
    return (
      <div className="page">
        <h1>
          Case <span className="mono">{id}</span>
        </h1>
        <ErrorNotice error={found.error} title="Could not load the case" />
        {found.loading ? <p className="muted">Loading…</p> : null}
      </div>
    )

  return (
    <div className="page stack">
      <div className="page-header">
        <h1>{c.title}</h1>
        {canManage ? <StatusMoves status={c.status} busy={action.busy} onMove={move} /> : null}
      </div>
      <p className="muted">
        <Link href="/cases">Cases</Link> / <span className="mono">{c.id}</span>
      </p>
      <ErrorNotice error={action.error} title={action.title} />
      <ErrorNotice error={found.error} title="Could not refresh the case" />
      <CaseFacts value={c} />
      <div className="case-columns">
        {canManage ? (
          <section aria-label="Edit">
            <h2>Edit</h2>
            <CaseForm value={c} busy={action.busy} onSave={patch} />
          </section>
        ) : null}
        <CaseLinks value={c} />
      </div>
      <section aria-label="Alerts">
        <h2>Alerts ({c.alertCount})</h2>
        <AlertTable alerts={c.alerts} total={c.alertCount} />
      </section>
      <div className="case-columns">
        <CaseComments comments={c.comments} canAdd={canManage} busy={action.busy} onAdd={comment} />
        <CaseTimeline entries={c.timeline} />
      </div>
    </div>
  )
}
