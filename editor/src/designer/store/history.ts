import type { Playbook } from '../../../../runtime/format/schema.ts'

/** Most undo steps kept; older ones are forgotten. */
export const HISTORY_LIMIT = 200
/** Edits of the same thing closer together than this are one undo step (typing in a field). */
export const COALESCE_MS = 1000

/**
 * Undo and redo as snapshots of the (immutable) playbook: unchanged nodes are shared between
 * snapshots, so a step costs little more than the parts it changed.
 */
export interface History {
  past: readonly Playbook[]
  future: readonly Playbook[]
  /** What the last recorded step changed and when, to merge a run of edits to one field. */
  last?: { key: string; at: number }
}

export const emptyHistory: History = { past: [], future: [] }

/**
 * Records that `before` was replaced: a new undo step, or, when `key` names the same thing as the
 * previous step within `COALESCE_MS`, part of that step. Clears the redo list.
 * @example record(emptyHistory, before, { key: 'node:vt:params', at: Date.now() })
 */
export function record(history: History, before: Playbook, step?: { key: string; at: number }): History {
  const merge =
    step !== undefined &&
    history.last !== undefined &&
    history.last.key === step.key &&
    step.at - history.last.at < COALESCE_MS &&
    history.past.length > 0
  if (merge) return { past: history.past, future: [], last: step }
  const past = [...history.past, before]
  if (past.length > HISTORY_LIMIT) past.splice(0, past.length - HISTORY_LIMIT)
  return step ? { past, future: [], last: step } : { past, future: [] }
}

/** Steps back: the snapshot to show and the history after it, or undefined with nothing to undo. */
export function undoStep(
  history: History,
  current: Playbook,
): { playbook: Playbook; history: History } | undefined {
  const playbook = history.past.at(-1)
  if (!playbook) return undefined
  return { playbook, history: { past: history.past.slice(0, -1), future: [current, ...history.future] } }
}

/** Steps forward again after an undo. */
export function redoStep(
  history: History,
  current: Playbook,
): { playbook: Playbook; history: History } | undefined {
  const playbook = history.future[0]
  if (!playbook) return undefined
  return { playbook, history: { past: [...history.past, current], future: history.future.slice(1) } }
}
