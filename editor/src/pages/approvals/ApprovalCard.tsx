import { Check, X } from 'lucide-react'
import { useState } from 'react'
import { Link } from 'wouter'
import type { Schemas } from '../../api/client.ts'
import { ErrorNotice } from '../../lib/ErrorNotice.tsx'
import { formatAgo, formatDateTime } from '../../lib/format-time.ts'
import { StatusBadge } from '../../lib/StatusBadge.tsx'
import { approversText, isApprover, readApprovalRequest } from './approval-request.ts'

export type Approval = Schemas['Approval']
export type Decision = 'approve' | 'reject'

/** What the inbox knows about the run behind an approval (from the runs list). */
export interface ApprovalRun {
  playbookId: string
  createdBy: string | null
}

/**
 * One approval: what it asks, for which run and playbook, who requested it, the decisions so far,
 * and (pending, for one of its approvers) a comment with Approve and Reject.
 * @example <ApprovalCard approval={a} run={runs.get(a.runId)} decider={me} onDecide={decide} now={now} />
 */
export function ApprovalCard({
  approval,
  run,
  decider,
  onDecide,
  now,
}: {
  approval: Approval
  run: ApprovalRun | undefined
  /** The caller, when their role has approval.decide; each gate then names who may decide it. */
  decider: { username: string; role: string } | undefined
  onDecide(id: string, decision: Decision, comment: string): Promise<void>
  now: number
}) {
  const ask = readApprovalRequest(approval.request)
  const [comment, setComment] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>()
  const approvals = approval.decisions.filter((d) => d.decision === 'approve').length
  const pending = approval.status === 'pending'
  const mine = isApprover(ask, decider)
  const decidedByMe = approval.decisions.some((d) => d.actor === decider?.username)

  async function decide(decision: Decision) {
    setBusy(true)
    setError(undefined)
    try {
      await onDecide(approval.id, decision, comment.trim())
      setComment('')
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <article className="card stack" aria-label={`Approval: ${ask.message}`}>
      <div className="row">
        <StatusBadge status={approval.status} />
        <strong>{ask.message}</strong>
      </div>
      <div className="muted">
        Run{' '}
        <Link href={`/runs/${encodeURIComponent(approval.runId)}`} className="mono">
          {approval.runId}
        </Link>
        {run ? (
          <>
            {' of '}
            <Link href={`/playbooks/${encodeURIComponent(run.playbookId)}`}>{run.playbookId}</Link>
            {` · requested by ${run.createdBy ?? 'a trigger'}`}
          </>
        ) : null}
        {` · at node ${approval.nodeId} · ${formatAgo(approval.createdAt, now)}`}
      </div>
      <div className="muted">
        Decided by {approversText(ask)} · {approvals} of {approval.required} approval
        {approval.required === 1 ? '' : 's'}
        {approval.timeoutAt ? ` · times out ${formatDateTime(approval.timeoutAt)}` : ''}
      </div>
      {approval.decisions.length > 0 ? (
        <ul aria-label="Decisions">
          {approval.decisions.map((d) => (
            <li key={`${d.actor}:${d.at}`}>
              <strong>{d.actor}</strong> {d.decision === 'approve' ? 'approved' : 'rejected'}{' '}
              {formatAgo(d.at, now)}
              {d.comment ? `: “${d.comment}”` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {pending && decider && !mine ? (
        <p className="muted">Only {approversText(ask)} can decide this approval.</p>
      ) : null}
      {pending && mine && decidedByMe ? (
        <p className="muted">You have decided; waiting for the others.</p>
      ) : null}
      {pending && mine && !decidedByMe ? (
        <>
          <label>
            Comment
            <textarea
              rows={2}
              value={comment}
              maxLength={2000}
              onChange={(e) => setComment(e.target.value)}
            />
          </label>
          <div className="row">
            <button type="button" className="primary" disabled={busy} onClick={() => void decide('approve')}>
              <Check size={16} aria-hidden="true" />
              Approve
            </button>
            <button type="button" className="danger" disabled={busy} onClick={() => void decide('reject')}>
              <X size={16} aria-hidden="true" />
              Reject
            </button>
          </div>
        </>
      ) : null}
      <ErrorNotice error={error} title="The decision was not recorded" />
    </article>
  )
}
