import { afterEach, describe, expect, it } from 'vitest'
import { tempDatabase } from '../db/test-db.ts'
import { ingestAlert } from './case-fixtures.ts'
import { createSqliteAlertQueries } from './sqlite-alert-queries.ts'
import { pruneAlerts } from './sqlite-alert-retention.ts'
import { createSqliteCaseStore } from './sqlite-case-store.ts'
import { testDeps } from './test-clock.ts'

const DAY = 86_400_000
let t: ReturnType<typeof tempDatabase> | undefined
afterEach(() => t?.cleanup())

describe('pruneAlerts', () => {
  it('deletes old alerts but keeps those of open cases and the newest of each source', async () => {
    t = tempDatabase()
    const db = t.db
    const deps = testDeps()
    const cases = createSqliteCaseStore(db, deps)
    const alice = { name: 'alice', human: true }
    const alert = (host: string, mode: 'production' | 'test' = 'production') => {
      deps.advance(1000)
      return ingestAlert(db, deps, { mode, alert: { host } })
    }

    const ofOpenCase = alert('web-1')
    const ofClosedCase = alert('web-1')
    await cases.update(ofClosedCase.caseId!, { status: 'closed' }, alice)
    const testAlert = alert('web-1', 'test')
    const onlyOfItsHost = alert('web-2')
    await cases.update(onlyOfItsHost.caseId!, { status: 'resolved' }, alice)
    deps.advance(40 * DAY)
    const recent = alert('web-1')
    const silenceBefore = createSqliteAlertQueries(db).lastAlertAt({ source: 'splunk', host: 'web-2' })

    expect(pruneAlerts(db, deps.now() - 30 * DAY)).toBe(1)
    const left = t.sqlite.prepare('SELECT id FROM alerts').pluck().all()
    expect(left.sort()).toEqual(
      [ofOpenCase.alertId, testAlert.alertId, onlyOfItsHost.alertId, recent.alertId].sort(),
    )
    // A closed case keeps its count; the silence watch still sees web-2's last alert.
    expect((await cases.get(ofClosedCase.caseId!))?.alertCount).toBe(1)
    expect(createSqliteAlertQueries(db).lastAlertAt({ source: 'splunk', host: 'web-2' })).toBe(silenceBefore)
    expect(pruneAlerts(db, deps.now() - 30 * DAY)).toBe(0)
  })

  it('works through more alerts than one batch', () => {
    t = tempDatabase()
    const deps = testDeps()
    for (let i = 0; i < 5003; i++) ingestAlert(t.db, deps, { mode: 'test', alert: { host: 'web-1' } })
    deps.advance(DAY)
    expect(pruneAlerts(t.db, deps.now())).toBe(5002)
    expect(t.sqlite.prepare('SELECT count(*) FROM alerts').pluck().get()).toBe(1)
  })
})
