import { describe, expect, it } from 'vitest'
import { CASE_STATUSES } from '../../nodes/action/case-fields.ts'
import { NEXT_STATUSES, statusEffects, transitionProblem } from './transitions.ts'

describe('case transitions', () => {
  it('allows forward moves, reopening, and staying put', () => {
    expect(transitionProblem('new', 'closed')).toBeUndefined()
    expect(transitionProblem('contained', 'resolved')).toBeUndefined()
    expect(transitionProblem('closed', 'acknowledged')).toBeUndefined()
    for (const s of CASE_STATUSES) expect(transitionProblem(s, s)).toBeUndefined()
  })

  it('names the allowed moves when refusing one', () => {
    expect(transitionProblem('closed', 'contained')).toBe(
      'a closed case can only move to acknowledged, not to contained',
    )
    expect(transitionProblem('contained', 'new')).toMatch(/resolved, closed/)
    for (const s of CASE_STATUSES) expect(NEXT_STATUSES[s]).not.toContain('new')
  })

  it('keeps the first containment, resolves once, and clears resolution on reopen', () => {
    const open = { containedAt: null, resolvedAt: null }
    expect(statusEffects(open, 'contained', 5)).toEqual({ containedAt: 5 })
    expect(statusEffects({ containedAt: 3, resolvedAt: null }, 'contained', 5)).toEqual({})
    expect(statusEffects(open, 'closed', 7)).toEqual({ resolvedAt: 7, groupKey: null })
    expect(statusEffects({ containedAt: null, resolvedAt: 7 }, 'closed', 9)).toEqual({ groupKey: null })
    expect(statusEffects({ containedAt: null, resolvedAt: 7 }, 'acknowledged', 9)).toEqual({
      resolvedAt: null,
    })
    expect(statusEffects(open, 'acknowledged', 9)).toEqual({})
  })
})
