import { describe, expect, it } from 'vitest'
import type { Json } from '../../runtime/node-type.ts'
import { TEST_NOW, testContext } from '../test-context.ts'
import { flowApproval } from './approval.ts'

const ctx = testContext()
const params = flowApproval.params.parse({
  approvers: { users: ['alice', 'bob'], roles: ['responder'] },
  message: 'Isolate LAPTOP-4F7K2?',
  required: 2,
  timeoutMs: 3_600_000,
})

function request() {
  const r = flowApproval.run({ params, input: {}, ctx }) as { status: string; wait: Json }
  return r
}

function resume(value: unknown, wait: Json) {
  return flowApproval.resume!({ params, value, wait, ctx })
}

describe('flow.approval', () => {
  it('waits with the approval request and its deadline', () => {
    expect(request()).toEqual({
      status: 'waiting',
      wait: {
        kind: 'approval',
        approvers: { users: ['alice', 'bob'], roles: ['responder'] },
        message: 'Isolate LAPTOP-4F7K2?',
        required: 2,
        requestedAt: new Date(TEST_NOW).toISOString(),
        timeoutAt: new Date(TEST_NOW + 3_600_000).toISOString(),
        approvals: [],
      },
    })
  })

  it('keeps waiting until the quorum of distinct approvers, then fires approved', () => {
    const first = resume({ decision: 'approve', by: 'alice', comment: 'ok' }, request().wait)
    expect(first).toMatchObject({ status: 'waiting', wait: { approvals: [{ by: 'alice', comment: 'ok' }] } })
    const wait = (first as { wait: Json }).wait
    const again = resume({ decision: 'approve', by: 'alice' }, wait)
    expect(again).toMatchObject({ status: 'waiting', wait: { approvals: [{ by: 'alice' }] } })
    const second = resume({ decision: 'approve', by: 'bob' }, wait)
    expect(second).toMatchObject({
      port: 'approved',
      output: { decision: 'approve', by: 'bob', comment: null, decidedAt: new Date(TEST_NOW).toISOString() },
    })
  })

  it('fires rejected on one rejection, and timeout on timeout', () => {
    expect(resume({ decision: 'reject', by: 'bob', comment: 'prod server' }, request().wait)).toMatchObject({
      port: 'rejected',
      output: { decision: 'reject', by: 'bob', comment: 'prod server' },
    })
    expect(resume({ timeout: true }, request().wait)).toMatchObject({
      port: 'timeout',
      output: { decision: 'timeout', by: null },
    })
  })

  it('refuses malformed decisions', () => {
    expect(() => resume({ decision: 'maybe', by: 'x' }, request().wait)).toThrow(/approve.*reject/)
  })

  it('refuses params without approvers or with an unreachable quorum', () => {
    const none = flowApproval.params.safeParse({ approvers: { users: [], roles: [] }, message: 'x' })
    expect(none.error?.issues[0]?.message).toBe('name at least one approver user or role')
    const quorum = flowApproval.params.safeParse({ approvers: { users: ['a'] }, message: 'x', required: 2 })
    expect(quorum.error?.issues[0]?.message).toBe('2 approvals required but only 1 approver(s) named')
  })
})
