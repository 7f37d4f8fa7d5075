import { describe, expect, it } from 'vitest'
import { approversText, isApprover, readApprovalRequest } from './approval-request.ts'

describe('readApprovalRequest', () => {
  it('reads the message and approvers of a gate', () => {
    const request = {
      kind: 'approval',
      message: 'Isolate pc-7?',
      approvers: { users: ['rita'], roles: ['responder'] },
    }
    expect(readApprovalRequest(request)).toEqual({
      message: 'Isolate pc-7?',
      users: ['rita'],
      roles: ['responder'],
    })
  })

  it('falls back to a generic message for a missing or odd request', () => {
    expect(readApprovalRequest(undefined)).toEqual({ message: 'Approval requested', users: [], roles: [] })
    expect(readApprovalRequest({ message: 7, approvers: { users: 'x', roles: [1, 'admin'] } })).toEqual({
      message: 'Approval requested',
      users: [],
      roles: ['admin'],
    })
  })
})

describe('approversText', () => {
  it('lists users and roles in words', () => {
    expect(approversText({ users: [], roles: [] })).toBe('anyone allowed to decide approvals')
    expect(approversText({ users: ['rita'], roles: [] })).toBe('rita')
    expect(approversText({ users: ['rita', 'sam'], roles: ['responder'] })).toBe('rita, sam or any responder')
  })
})

describe('isApprover', () => {
  it('accepts named users and holders of a named role only', () => {
    const ask = { users: ['sam'], roles: ['responder'] }
    expect(isApprover(ask, { username: 'sam', role: 'analyst' })).toBe(true)
    expect(isApprover(ask, { username: 'rita', role: 'responder' })).toBe(true)
    expect(isApprover(ask, { username: 'root', role: 'admin' })).toBe(false)
    expect(isApprover(ask, null)).toBe(false)
  })
})
