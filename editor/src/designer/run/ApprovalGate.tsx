import { Check, X } from 'lucide-react'
import { useId, useState } from 'react'
import { ErrorNotice } from '../../lib/ErrorNotice.tsx'
import { usePendingApprovals } from '../../lib/pending-approvals.ts'
import { useLoad } from '../../lib/useLoad.ts'
import { decideApproval, pendingApprovals } from './run-api.ts'

const messageOf = (request: unknown): string | undefined => {
  const message = (request as { message?: unknown } | null)?.message
  return typeof message === 'string' ? message : undefined
}

/**
 * A waiting approval node of a run, in place in the run panel: what it asks and, for a user who may
 * decide, Approve / Reject with a comment. `refreshKey` reloads the approval (e.g. the run status).
 * @example <ApprovalGate runId={runId} nodeId="approve_block" wait={node.wait} canDecide refreshKey={status} />
 */
export function ApprovalGate({
  runId,
  nodeId,
  wait,
  canDecide,
  refreshKey,
}: {
  runId: string
  nodeId: string
  wait: unknown
  canDecide: boolean
  refreshKey: string
}) {
  const id = useId()
  const approvals = useLoad(`${runId}:${nodeId}:${refreshKey}`, () => pendingApprovals(runId))
  const approval = approvals.data?.find((a) => a.nodeId === nodeId)
  const [comment, setComment] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>()
  const [outcome, setOutcome] = useState<string>()

  const decide = async (decision: 'approve' | 'reject') => {
    if (!approval) return
    setBusy(true)
    setError(undefined)
    try {
      const { resolved, approval: after } = await decideApproval(approval.id, decision, comment)
      const done = decision === 'approve' ? 'Approved' : 'Rejected'
      setOutcome(
        resolved
          ? `${done}: the run continues.`
          : `${done}: ${after.decisions.length} of ${after.required} approvals so far.`,
      )
      void usePendingApprovals
        .getState()
        .refresh()
        .catch(() => {})
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  const message = messageOf(approval?.request) ?? messageOf(wait)
  return (
    <section className="run-approval card stack" aria-label={`Approval ${nodeId}`}>
      <div>
        <strong>Waiting for approval</strong> <span className="mono">{nodeId}</span>
      </div>
      {message ? <p className="run-approval-message">{message}</p> : null}
      {outcome ? (
        <p role="status">{outcome}</p>
      ) : !canDecide ? (
        <p className="muted">A responder decides in the approvals inbox or here.</p>
      ) : !approval ? (
        <p className="muted">
          {approvals.loading ? 'Loading the approval…' : 'The approval is not open yet.'}
        </p>
      ) : (
        <>
          <label htmlFor={`${id}-comment`}>Comment</label>
          <textarea
            id={`${id}-comment`}
            rows={2}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            placeholder="Why (kept in the audit log)"
          />
          <div className="row">
            <button type="button" className="primary" disabled={busy} onClick={() => void decide('approve')}>
              <Check size={14} aria-hidden="true" />
              Approve
            </button>
            <button type="button" className="danger" disabled={busy} onClick={() => void decide('reject')}>
              <X size={14} aria-hidden="true" />
              Reject
            </button>
          </div>
        </>
      )}
      <ErrorNotice error={error ?? approvals.error} title="Approval" />
    </section>
  )
}
