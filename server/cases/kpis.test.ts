import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDatabase } from '../db/test-db.ts'
import { ingestAlert } from '../store/case-fixtures.ts'
import { createSqliteCaseStore } from '../store/sqlite-case-store.ts'
import { kpiRows } from '../store/sqlite-kpi-rows.ts'
import { createSqliteRunStore } from '../store/sqlite-run-store.ts'
import { testDeps } from '../store/test-clock.ts'
import { computeKpis } from './kpis.ts'

/**
 * A hand-computed fixture (times in seconds after T0):
 * | case | rule, source      | detected | created | alerts | acknowledged | contained | resolved | disposition    | run       |
 * | A    | r1 splunk, high   | -120     | 0       | 3      | 300 (human)  | 600       | 1800     | true_positive  | succeeded |
 * | B    | r1 splunk, medium | 940      | 1000    | 1      | —            | —         | 1100 bot | false_positive | succeeded |
 * | C    | r2 wazuh, low     | 1400     | 2000    | 2      | 2060 comment | —         | 5600     | benign         | failed    |
 * | D    | r2 wazuh, crit.   | 3000     | 3000    | 1      | —            | —         | —        | —              | running   |
 * MTTD [0, 60, 120, 600]: median 90, p90 120 + 0.7 × 480 = 456. MTTA [60, 300]: median 180,
 * p90 60 + 0.9 × 240 = 276. MTTC [600]. MTTR [100, 1800, 3600]: median 1800, p90 1800 + 0.8 × 1800 =
 * 3240. Alerts 7, of which B's 1 closed with no human step. Runs: 2 of 3 ended succeeded.
 */
const T0 = Date.UTC(2026, 0, 15, 8, 0, 0)
const s = (seconds: number) => T0 + seconds * 1000
let t: ReturnType<typeof tempDatabase>

beforeAll(async () => {
  t = tempDatabase()
  const deps = testDeps(T0)
  const cases = createSqliteCaseStore(t.db, deps)
  const runs = createSqliteRunStore(t.db, deps)
  const human = (name: string) => ({ name, human: true })
  const bot = { name: 'run:b/close', human: false }
  const open = async (
    name: string,
    at: number,
    detected: number,
    alert: Record<string, unknown>,
    playbookId = 'pb',
  ) => {
    deps.set(s(at))
    await runs.enqueue({ id: `run-${name}`, playbookId, version: 1, mode: 'production', trigger: {} })
    const grouping = { key: name, windowMs: 3_600_000, rerun: false }
    const r = ingestAlert(t.db, deps, {
      alert: { ...alert, eventAt: s(detected) },
      runId: `run-${name}`,
      grouping,
      playbookId,
    })
    return r.caseId!
  }
  const join = (name: string, at: number, alert: Record<string, unknown>, playbookId = 'pb') => {
    deps.set(s(at))
    ingestAlert(t.db, deps, {
      alert: { ...alert, eventAt: s(at) },
      grouping: { key: name, windowMs: 3_600_000, rerun: false },
      playbookId,
    })
  }
  const a = { ruleId: 'r1', source: 'splunk', severity: 'high' }
  const A = await open('A', 0, -120, a)
  join('A', 100, a)
  join('A', 200, a)
  const B = await open('B', 1000, 940, { ruleId: 'r1', source: 'splunk', severity: 'medium' })
  const c = { ruleId: 'r2', source: 'wazuh', severity: 'low' }
  const C = await open('C', 2000, 1400, c)
  join('C', 2010, c)
  await open('D', 3000, 3000, { ruleId: 'r2', source: 'wazuh', severity: 'critical' }, 'other')

  deps.set(s(300))
  await cases.update(A, { status: 'acknowledged' }, human('alice'))
  await cases.markContained('run-A', { nodeId: 'isolate', at: s(600) })
  deps.set(s(1800))
  await cases.update(A, { status: 'closed', disposition: 'true_positive' }, human('alice'))
  deps.set(s(1100))
  await cases.update(B, { status: 'closed', disposition: 'false_positive' }, bot)
  deps.set(s(2060))
  await cases.comment(C, 'looking', human('bob'))
  deps.set(s(5600))
  await cases.update(C, { status: 'resolved', disposition: 'benign' }, human('bob'))
  const status = t.sqlite.prepare('update runs set status = ? where id = ?')
  for (const [id, st] of [
    ['run-A', 'succeeded'],
    ['run-B', 'succeeded'],
    ['run-C', 'failed'],
    ['run-D', 'running'],
  ])
    status.run(st, id)
})
afterAll(() => t.cleanup())

const sec = (n: number) => n * 1000

describe('KPIs against the hand-computed fixture', () => {
  it('computes every figure over all cases', () => {
    const k = computeKpis(kpiRows(t.db, {}))
    expect(k.cases).toBe(4)
    expect(k.alerts).toBe(7)
    expect(k.mttd).toEqual({ count: 4, medianMs: sec(90), p90Ms: sec(456) })
    expect(k.mtta).toEqual({ count: 2, medianMs: sec(180), p90Ms: sec(276) })
    expect(k.mttc).toEqual({ count: 1, medianMs: sec(600), p90Ms: sec(600) })
    expect(k.mttr).toEqual({ count: 3, medianMs: sec(1800), p90Ms: sec(3240) })
    expect(k.dispositions).toEqual({
      truePositive: 1,
      falsePositive: 1,
      benign: 1,
      undetermined: 1,
      truePositiveRate: 1 / 3,
      falsePositiveRate: 1 / 3,
    })
    expect(k.byRule).toEqual([
      { key: 'r1', alerts: 4, cases: 2 },
      { key: 'r2', alerts: 3, cases: 2 },
    ])
    expect(k.bySource).toEqual([
      { key: 'splunk', alerts: 4, cases: 2 },
      { key: 'wazuh', alerts: 3, cases: 2 },
    ])
    expect(k.autoClosedAlertShare).toBeCloseTo(1 / 7)
    expect(k.runs).toEqual({ ended: 3, succeeded: 2, successRate: 2 / 3 })
  })

  it('filters by severity, rule, playbook and created time', () => {
    const of = (f: Parameters<typeof kpiRows>[1]) => computeKpis(kpiRows(t.db, f))
    expect(of({ severity: ['high', 'critical'] })).toMatchObject({ cases: 2, alerts: 4, mttr: { count: 1 } })
    expect(of({ ruleId: 'r2' }).mttd).toEqual({ count: 2, medianMs: sec(300), p90Ms: sec(540) })
    expect(of({ playbookId: 'pb' })).toMatchObject({ cases: 3, runs: { ended: 3 } })
    expect(of({ from: s(1500), to: s(3000) })).toMatchObject({
      cases: 1,
      alerts: 2,
      bySource: [{ key: 'wazuh' }],
    })
    expect(of({ from: s(9999) })).toMatchObject({
      cases: 0,
      mttd: { count: 0, medianMs: null },
      autoClosedAlertShare: null,
    })
  })
})
