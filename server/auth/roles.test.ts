import { describe, expect, it } from 'vitest'
import { atLeast, can, isRole, PERMISSIONS, ROLES } from './roles.ts'

describe('roles', () => {
  it('gives admin every permission and viewer no write', () => {
    for (const p of PERMISSIONS) expect(can('admin', p)).toBe(true)
    expect(PERMISSIONS.filter((p) => can('viewer', p))).toEqual([
      'playbook.read',
      'run.read',
      'template.read',
      'approval.read',
      'token.own',
      'case.read',
    ])
  })

  it('lets everyone who triages change cases, and viewers only read them', () => {
    expect(ROLES.filter((r) => can(r, 'case.manage'))).toEqual(['analyst', 'champion', 'responder', 'admin'])
    expect(ROLES.every((r) => can(r, 'case.read'))).toBe(true)
  })

  it('keeps champion and responder duties apart', () => {
    expect(can('champion', 'playbook.publish')).toBe(true)
    expect(can('champion', 'approval.decide')).toBe(false)
    expect(can('responder', 'approval.decide')).toBe(true)
    expect(can('responder', 'template.publish')).toBe(false)
  })

  it('orders roles by trust', () => {
    expect(ROLES).toEqual(['viewer', 'analyst', 'champion', 'responder', 'admin'])
    expect(atLeast('admin', 'responder')).toBe(true)
    expect(atLeast('analyst', 'champion')).toBe(false)
    expect(isRole('root')).toBe(false)
    expect(isRole('viewer')).toBe(true)
  })
})
