// @vitest-environment jsdom
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../api/client.ts'
import { type Approval, ApprovalCard } from './ApprovalCard.tsx'
import { ApprovalInbox } from './ApprovalInbox.tsx'

const now = Date.UTC(2025, 0, 10, 12)
const pending: Approval = {
  id: 'ap_1',
  runId: 'run_7',
  nodeId: 'isolate_gate',
  status: 'pending',
  required: 2,
  createdAt: now - 300_000,
  decidedAt: null,
  timeoutAt: null,
  request: { message: 'Isolate pc-7?', approvers: { roles: ['responder'], users: [] } },
  decisions: [{ actor: 'sam', at: now - 60_000, decision: 'approve', comment: 'confirmed with the owner' }],
}
const run = { playbookId: 'malware-endpoint', createdBy: 'ana' }
const rita = { username: 'rita', role: 'responder' }

describe('ApprovalCard', () => {
  it('shows the message, run, playbook, requester, node, quorum and earlier decisions', () => {
    render(<ApprovalCard approval={pending} run={run} decider={undefined} onDecide={vi.fn()} now={now} />)
    const card = screen.getByRole('article', { name: 'Approval: Isolate pc-7?' })
    expect(card.textContent).toContain('requested by ana')
    expect(card.textContent).toContain('at node isolate_gate')
    expect(card.textContent).toContain('Decided by any responder · 1 of 2 approvals')
    expect(screen.getByRole('link', { name: 'run_7' }).getAttribute('href')).toBe('/runs/run_7')
    expect(screen.getByRole('link', { name: 'malware-endpoint' }).getAttribute('href')).toBe(
      '/playbooks/malware-endpoint',
    )
    expect(screen.getByRole('list', { name: 'Decisions' }).textContent).toContain('sam approved 1 min ago')
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull()
  })

  it('sends the decision with the comment', async () => {
    const onDecide = vi.fn(async () => {})
    const user = userEvent.setup()
    render(<ApprovalCard approval={pending} run={run} decider={rita} onDecide={onDecide} now={now} />)
    await user.type(screen.getByRole('textbox', { name: 'Comment' }), '  isolate now ')
    await user.click(screen.getByRole('button', { name: 'Approve' }))
    expect(onDecide).toHaveBeenCalledWith('ap_1', 'approve', 'isolate now')
    expect(screen.getByRole('textbox', { name: 'Comment' })).toHaveProperty('value', '')
  })

  it('shows why a decision was refused and keeps the comment', async () => {
    const onDecide = vi.fn(async () => {
      throw new ApiError(409, 'CONFLICT', 'approval ap_1 is already settled')
    })
    const user = userEvent.setup()
    render(<ApprovalCard approval={pending} run={run} decider={rita} onDecide={onDecide} now={now} />)
    await user.type(screen.getByRole('textbox', { name: 'Comment' }), 'no')
    await user.click(screen.getByRole('button', { name: 'Reject' }))
    expect(onDecide).toHaveBeenCalledWith('ap_1', 'reject', 'no')
    expect(screen.getByRole('alert').textContent).toBe(
      'The decision was not recorded: Conflict: approval ap_1 is already settled',
    )
    expect(screen.getByRole('textbox', { name: 'Comment' })).toHaveProperty('value', 'no')
  })

  it('names who may decide instead of offering buttons to someone else', () => {
    const admin = { username: 'root', role: 'admin' }
    render(<ApprovalCard approval={pending} run={run} decider={admin} onDecide={vi.fn()} now={now} />)
    expect(screen.getByText('Only any responder can decide this approval.')).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull()
  })

  it('does not ask for a second decision from the same person', () => {
    const sam = { username: 'sam', role: 'responder' }
    render(<ApprovalCard approval={pending} run={run} decider={sam} onDecide={vi.fn()} now={now} />)
    expect(screen.getByText('You have decided; waiting for the others.')).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull()
  })
})

describe('ApprovalInbox', () => {
  const decided: Approval = { ...pending, id: 'ap_2', status: 'rejected', decidedAt: now - 1000, request: {} }
  it('shows pending approvals in the pending tab and the others in the decided tab', () => {
    const runs = new Map([['run_7', run]])
    const { rerender } = render(
      <ApprovalInbox
        tab="pending"
        approvals={[pending, decided]}
        runs={runs}
        decider={rita}
        onDecide={vi.fn()}
        now={now}
      />,
    )
    expect(screen.getAllByRole('article').map((a) => a.getAttribute('aria-label'))).toEqual([
      'Approval: Isolate pc-7?',
    ])
    rerender(
      <ApprovalInbox
        tab="decided"
        approvals={[pending, decided]}
        runs={runs}
        decider={rita}
        onDecide={vi.fn()}
        now={now}
      />,
    )
    expect(screen.getAllByRole('article').map((a) => a.getAttribute('aria-label'))).toEqual([
      'Approval: Approval requested',
    ])
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull()
  })

  it('says when nothing waits', () => {
    render(
      <ApprovalInbox
        tab="pending"
        approvals={[]}
        runs={new Map()}
        decider={rita}
        onDecide={vi.fn()}
        now={now}
      />,
    )
    expect(screen.getByText('Nothing is waiting for a decision.')).toBeTruthy()
  })
})
