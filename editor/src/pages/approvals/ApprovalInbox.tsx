import { type Approval, ApprovalCard, type ApprovalRun, type Decision } from './ApprovalCard.tsx'

export type ApprovalTab = 'pending' | 'decided'

/**
 * The approvals of one tab, newest first, or a line saying there are none.
 * @example <ApprovalInbox tab="pending" approvals={items} runs={runs} decider={me} onDecide={decide} now={now} />
 */
export function ApprovalInbox({
  tab,
  approvals,
  runs,
  decider,
  onDecide,
  now,
}: {
  tab: ApprovalTab
  approvals: readonly Approval[]
  runs: ReadonlyMap<string, ApprovalRun>
  decider: { username: string; role: string } | undefined
  onDecide(id: string, decision: Decision, comment: string): Promise<void>
  now: number
}) {
  const shown = approvals
    .filter((a) => (tab === 'pending' ? a.status === 'pending' : a.status !== 'pending'))
    .sort((a, b) => (b.decidedAt ?? b.createdAt) - (a.decidedAt ?? a.createdAt))
  if (shown.length === 0)
    return (
      <p className="empty">
        {tab === 'pending' ? 'Nothing is waiting for a decision.' : 'No decided approval yet.'}
      </p>
    )
  return (
    <div className="stack">
      {shown.map((a) => (
        <ApprovalCard
          key={a.id}
          approval={a}
          run={runs.get(a.runId)}
          decider={decider}
          onDecide={onDecide}
          now={now}
        />
      ))}
    </div>
  )
}
