import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempDatabase } from '../db/test-db.ts'
import { createSqliteAlertIntake, type NewAlert } from './sqlite-alert-intake.ts'
import { createSqliteCaseStore } from './sqlite-case-store.ts'
import { testDeps } from './test-clock.ts'

let db: ReturnType<typeof tempDatabase>
let clock: ReturnType<typeof testDeps>
beforeEach(() => {
  db = tempDatabase()
  clock = testDeps()
})
afterEach(() => db.cleanup())

const alert = (over: Partial<NewAlert> = {}): NewAlert => ({
  source: 'wazuh',
  externalId: 'a-1',
  ruleId: '5712',
  ruleName: 'SSH brute force',
  severity: 'medium',
  title: 'SSH brute force on web-1',
  host: 'web-1',
  user: null,
  eventAt: clock.now() - 30_000,
  rawJson: '{"rule":{"id":"5712"}}',
  ...over,
})

const HOUR = 3_600_000
const grouping = { key: '5712:web-1', windowMs: HOUR, rerun: false }
let n = 0
const req = (over: Record<string, unknown> = {}) => ({
  alert: alert(),
  playbookId: 'pb',
  version: 1,
  mode: 'production' as const,
  grouping,
  runId: `run-${++n}`,
  actor: 'webhook',
  ...over,
})

describe('alert intake', () => {
  it('opens a case for the first alert and joins the next ones within the window, without rerunning', async () => {
    const intake = createSqliteAlertIntake(db.db, clock)
    const first = intake.ingest(req())
    expect(first).toMatchObject({ created: true, runId: expect.stringMatching(/^run-/) })
    clock.advance(10 * 60_000)
    const second = intake.ingest(
      req({ alert: alert({ severity: 'critical', eventAt: clock.now() - 5 * HOUR }) }),
    )
    expect(second).toMatchObject({ caseId: first.caseId, created: false, runId: null })
    const c = await createSqliteCaseStore(db.db, clock).get(first.caseId!)
    expect(c).toMatchObject({
      alertCount: 2,
      severity: 'critical',
      grouping: true,
      detectedAt: clock.now() - 5 * HOUR,
      lastAlertAt: clock.now(),
    })
    expect(c?.runs.map((r) => r.runId)).toEqual([first.runId])
    expect(c?.alerts.map((a) => a.runId)).toEqual([null, first.runId])
    expect(c?.timeline.map((e) => e.kind)).toEqual(['opened', 'severity', 'alert'])
  })

  it('reruns joining alerts when the rule says so', () => {
    const intake = createSqliteAlertIntake(db.db, clock)
    const rerun = { ...grouping, rerun: true }
    const first = intake.ingest(req({ grouping: rerun }))
    const second = intake.ingest(req({ grouping: rerun }))
    expect(second.caseId).toBe(first.caseId)
    expect(second.runId).toMatch(/^run-/)
  })

  it('opens a new case once the window since the last alert has passed, and ends grouping of the old one', async () => {
    const intake = createSqliteAlertIntake(db.db, clock)
    const first = intake.ingest(req())
    clock.advance(HOUR)
    expect(intake.ingest(req()).caseId).toBe(first.caseId)
    clock.advance(HOUR + 1)
    const late = intake.ingest(req())
    expect(late).toMatchObject({ created: true })
    expect(late.caseId).not.toBe(first.caseId)
    const old = await createSqliteCaseStore(db.db, clock).get(first.caseId!)
    expect(old?.grouping).toBe(false)
    expect(old?.timeline.at(-1)).toMatchObject({ kind: 'grouping.closed', details: { reason: 'window' } })
  })

  it('keeps keys apart per playbook, and without grouping opens a case per alert', () => {
    const intake = createSqliteAlertIntake(db.db, clock)
    const a = intake.ingest(req())
    expect(intake.ingest(req({ playbookId: 'other' })).caseId).not.toBe(a.caseId)
    const b = intake.ingest(req({ grouping: undefined }))
    const c = intake.ingest(req({ grouping: undefined }))
    expect(new Set([a.caseId, b.caseId, c.caseId]).size).toBe(3)
  })

  it('stores test-run alerts with their run but opens no case', () => {
    const intake = createSqliteAlertIntake(db.db, clock)
    const r = intake.ingest(req({ mode: 'test', version: null, grouping: undefined }))
    expect(r).toMatchObject({ caseId: null, created: false, runId: expect.any(String) })
    const row = db.sqlite.prepare('select mode, run_id from alerts where id = ?').get(r.alertId)
    expect(row).toEqual({ mode: 'test', run_id: r.runId })
  })

  it('never holds two open cases with one key (the unique index), and forgets an unqueued run', () => {
    const intake = createSqliteAlertIntake(db.db, clock)
    const first = intake.ingest(req())
    const insert = db.sqlite.prepare(
      "insert into cases (id, playbook_id, title, severity, group_key, created_at, updated_at) values ('dup', 'pb', 't', 'low', ?, 0, 0)",
    )
    expect(() => insert.run(grouping.key)).toThrow(/UNIQUE/)
    intake.unlinkRun(first.runId!)
    expect(db.sqlite.prepare('select count(*) as n from case_runs').get()).toEqual({ n: 0 })
    expect(db.sqlite.prepare('select run_id from alerts').get()).toEqual({ run_id: null })
  })
})
