import { type CaseStatus, NEXT_STATUSES } from '../../nodes/action/case-fields.ts'

// The table of moves lives with the case vocabulary in nodes/, so the editor offers the same moves.
export { NEXT_STATUSES }

/**
 * Why a case cannot move from `from` to `to`, or undefined when it can (staying put is allowed).
 * @example transitionProblem('closed', 'contained') // 'a closed case can only move to acknowledged …'
 */
export function transitionProblem(from: CaseStatus, to: CaseStatus): string | undefined {
  if (from === to || NEXT_STATUSES[from].includes(to)) return undefined
  return `a ${from} case can only move to ${NEXT_STATUSES[from].join(', ')}, not to ${to}`
}

/** The KPI columns a status change sets. */
export interface StatusEffects {
  containedAt?: number
  resolvedAt?: number | null
  /** Set to null: a resolved or closed case takes no more alerts. */
  groupKey?: null
}

/**
 * What moving to `to` at `at` does to the KPI timestamps: the first containment is kept; resolving
 * or closing sets `resolvedAt` once and ends grouping; reopening clears `resolvedAt`.
 * @example statusEffects({ containedAt: null, resolvedAt: null }, 'closed', 5) // { resolvedAt: 5, groupKey: null }
 */
export function statusEffects(
  current: { containedAt: number | null; resolvedAt: number | null },
  to: CaseStatus,
  at: number,
): StatusEffects {
  if (to === 'contained') return current.containedAt === null ? { containedAt: at } : {}
  if (to === 'resolved' || to === 'closed')
    return current.resolvedAt === null ? { resolvedAt: at, groupKey: null } : { groupKey: null }
  if (to === 'acknowledged' && current.resolvedAt !== null) return { resolvedAt: null }
  return {}
}
