import { actionCase } from '../../nodes/action/case.ts'
import { type CaseActions, NodeError } from '../../runtime/node-type.ts'
import type { CaseStore } from '../store/case-store.ts'
import { StoreError } from '../store/errors.ts'

/**
 * The `ctx.cases` capability of one stored run: `action.case` changes go to the case store under
 * the name `run:<runId>/<nodeId>` (not a person, so they never acknowledge a case). A refused status
 * move is `CASE_INVALID_TRANSITION`; neither it nor bad values are retried.
 * @example createRunner({ ..., engineDeps: { casesFor: (runId) => caseActionsFor(stores.cases, runId) } })
 */
export function caseActionsFor(cases: CaseStore, runId: string): CaseActions {
  return {
    async apply(change, by) {
      const parsed = actionCase.params.safeParse(change)
      if (!parsed.success) {
        const where = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
        throw new NodeError('INVALID_PARAMS', `invalid case change: ${where}`, { retryable: false })
      }
      try {
        return await cases.applyForRun(runId, parsed.data, {
          name: `run:${runId}/${by.nodeId}`,
          human: false,
        })
      } catch (err) {
        if (err instanceof StoreError && err.code === 'INVALID_STATE')
          throw new NodeError('CASE_INVALID_TRANSITION', err.message, { retryable: false })
        if (err instanceof StoreError && err.code === 'NOT_FOUND')
          throw new NodeError('CASE_NO_RUN', err.message, { retryable: false })
        throw err
      }
    },
  }
}
