import { useState } from 'react'
import { api, unwrap } from '../api/client.ts'
import { useSession } from '../app/session.ts'
import { ErrorNotice } from '../lib/ErrorNotice.tsx'
import { usePendingApprovals } from '../lib/pending-approvals.ts'
import { useLoad } from '../lib/useLoad.ts'
import { usePolling } from '../lib/usePolling.ts'
import type { ApprovalRun, Decision } from './approvals/ApprovalCard.tsx'
import { ApprovalInbox, type ApprovalTab } from './approvals/ApprovalInbox.tsx'

const POLL_MS = 10_000

async function loadInbox(tab: ApprovalTab) {
  const status = tab === 'pending' ? 'pending' : undefined
  // Pending gates belong to waiting runs; decided ones to recent runs (who requested, which playbook).
  const [approvals, runs] = await Promise.all([
    api.GET('/api/approvals', { params: { query: status ? { status } : {} } }).then(unwrap),
    api
      .GET('/api/runs', {
        params: { query: tab === 'pending' ? { status: 'waiting', limit: '200' } : { limit: '200' } },
      })
      .then(unwrap),
  ])
  const index = new Map<string, ApprovalRun>(runs.items.map((r) => [r.id, r]))
  // The inbox has the freshest count: the nav badge need not wait for its next poll.
  if (tab === 'pending') usePendingApprovals.setState({ count: approvals.count })
  return { approvals: approvals.items, runs: index }
}

/** The approvals inbox: pending gates to approve or reject with a comment, and the decided ones. */
export default function ApprovalsPage() {
  const [tab, setTab] = useState<ApprovalTab>('pending')
  const me = useSession((s) => s.me)
  const canDecide = useSession((s) => s.can('approval.decide'))
  const refreshCount = usePendingApprovals((s) => s.refresh)
  const inbox = useLoad(`approvals:${tab}`, () => loadInbox(tab))
  usePolling(inbox.reload, POLL_MS, tab === 'pending')

  async function decide(id: string, decision: Decision, comment: string) {
    unwrap(
      await api.POST('/api/approvals/{id}', {
        params: { path: { id } },
        body: { decision, ...(comment ? { comment } : {}) },
      }),
    )
    await Promise.all([inbox.reload(), refreshCount().catch(() => {})])
  }

  return (
    <div className="page">
      <div className="page-header">
        <h1>Approvals</h1>
      </div>
      <div className="tabs" role="tablist" aria-label="Approvals">
        {(['pending', 'decided'] as const).map((t) => (
          <button key={t} type="button" role="tab" aria-selected={tab === t} onClick={() => setTab(t)}>
            {t === 'pending' ? 'Pending' : 'Decided'}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={tab === 'pending' ? 'Pending' : 'Decided'}>
        {canDecide ? null : (
          <p className="muted">Your role can see approvals but not decide them (needs approval.decide).</p>
        )}
        <ErrorNotice error={inbox.error} title="Could not load the approvals" />
        {inbox.data ? (
          <ApprovalInbox
            tab={tab}
            approvals={inbox.data.approvals}
            runs={inbox.data.runs}
            decider={canDecide && me ? me : undefined}
            onDecide={decide}
            now={Date.now()}
          />
        ) : inbox.loading ? (
          <p className="muted">Loading…</p>
        ) : null}
      </div>
    </div>
  )
}
