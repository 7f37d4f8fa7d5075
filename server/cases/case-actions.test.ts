import { afterEach, describe, expect, it } from 'vitest'
import { tempDatabase } from '../db/test-db.ts'
import { ingestAlert } from '../store/case-fixtures.ts'
import { createSqliteCaseStore } from '../store/sqlite-case-store.ts'
import { testDeps } from '../store/test-clock.ts'
import { caseActionsFor } from './case-actions.ts'

let t: ReturnType<typeof tempDatabase> | undefined
afterEach(() => t?.cleanup())

describe('caseActionsFor', () => {
  it("changes the run's case as the run's node, with stable codes for refusals", async () => {
    t = tempDatabase()
    const deps = testDeps()
    const cases = createSqliteCaseStore(t.db, deps)
    const { caseId, runId } = ingestAlert(t.db, deps)
    const actions = caseActionsFor(cases, runId!)
    const out = await actions.apply({ status: 'closed', disposition: 'benign' }, { nodeId: 'close' })
    expect(out).toMatchObject({ caseId, status: 'closed', created: false })
    expect((await cases.get(caseId!))?.timeline.at(-1)?.actor).toBe(`run:${runId}/close`)
    await expect(actions.apply({ status: 'contained' }, { nodeId: 'x' })).rejects.toMatchObject({
      code: 'CASE_INVALID_TRANSITION',
      retryable: false,
    })
    await expect(actions.apply({ severity: 'huge' }, { nodeId: 'x' })).rejects.toMatchObject({
      code: 'INVALID_PARAMS',
      message: expect.stringMatching(/severity/),
    })
    await expect(caseActionsFor(cases, 'gone').apply({}, { nodeId: 'x' })).rejects.toMatchObject({
      code: 'CASE_NO_RUN',
    })
  })
})
