import { describe, expect, it } from 'vitest'
import { auditFilterProblem, auditQuery, NO_AUDIT_FILTER } from './audit-filters.ts'

describe('auditQuery', () => {
  it('trims text filters and covers whole local days', () => {
    const q = auditQuery(
      { action: ' playbook.publish ', actor: '', target: 'triage', from: '2025-01-02', to: '2025-01-02' },
      'c9',
    )
    expect(q).toEqual({
      action: 'playbook.publish',
      target: 'triage',
      from: new Date(2025, 0, 2).getTime(),
      to: new Date(2025, 0, 3).getTime(),
      cursor: 'c9',
    })
    expect(auditQuery(NO_AUDIT_FILTER)).toEqual({})
  })
})

describe('auditFilterProblem', () => {
  it('refuses a range that ends before it starts', () => {
    expect(auditFilterProblem({ ...NO_AUDIT_FILTER, from: '2025-02-01', to: '2025-01-01' })).toBe(
      '"From" is after "To"',
    )
    expect(auditFilterProblem({ ...NO_AUDIT_FILTER, from: '2025-01-01', to: '2025-02-01' })).toBeUndefined()
  })
})
