import { and, eq, sql } from 'drizzle-orm'
import { SEVERITIES, type Severity } from '../../nodes/trigger/alert/shape.ts'
import type { RunMode } from '../../runtime/node-type.ts'
import type { Db } from '../db/open.ts'
import { alerts, caseRuns, cases } from '../db/schema.ts'
import { caseEventWriter } from './case-rows.ts'
import { type StoreDeps, withDefaults } from './deps.ts'

/** An alert's columns, normalized by the intake. */
export interface NewAlert {
  source: string
  externalId: string | null
  ruleId: string | null
  ruleName: string | null
  severity: Severity
  title: string
  host: string | null
  user: string | null
  eventAt: number
  /** Already bounded by the caller. */
  rawJson: string
}

export interface IngestRequest {
  alert: NewAlert
  playbookId: string
  /** The version the run executes (null: a test run of the draft). */
  version: number | null
  mode: RunMode
  /** Production alerts of a trigger with a grouping rule: the rendered key. */
  grouping?: { key: string; windowMs: number; rerun: boolean }
  /** The id the run will get, if one is started. */
  runId: string
  /** Named in the timeline (`webhook`, a user name). */
  actor: string
}

export interface IngestResult {
  alertId: string
  /** Null for test runs. */
  caseId: string | null
  created: boolean
  /** Null when the alert joined a case whose grouping does not rerun the playbook. */
  runId: string | null
}

/** Stores alerts and groups them into cases. */
export interface AlertIntakeStore {
  ingest(req: IngestRequest): IngestResult
  /** Forgets a run that could not be queued after all. */
  unlinkRun(runId: string): void
}

const rank = (s: Severity) => SEVERITIES.indexOf(s)

/**
 * The intake on SQLite. One immediate transaction per alert: find the open case of the playbook with
 * the same grouping key, check its window, join it or open a new case, store the alert and link the
 * run. The unique index on (playbook, group key) makes a second process that races to open the same
 * case fail; it retries once and then finds the case, so identical alerts never open two cases.
 * Every statement is prepared once: this runs for each webhook event.
 * @example intake.ingest({ alert, playbookId: 'triage', version: 3, mode: 'production', runId, actor: 'webhook', grouping: { key: 'r1:web-1', windowMs: 3_600_000, rerun: false } })
 */
export function createSqliteAlertIntake(db: Db, deps?: StoreDeps): AlertIntakeStore {
  const { now, ids } = withDefaults(deps)
  const p = (name: string) => sql.placeholder(name)
  const appendEvent = caseEventWriter(db)
  const findOpen = db
    .select({
      id: cases.id,
      severity: cases.severity,
      lastAlertAt: cases.lastAlertAt,
      createdAt: cases.createdAt,
    })
    .from(cases)
    .where(and(eq(cases.playbookId, p('playbookId')), eq(cases.groupKey, p('key'))))
    .prepare()
  const endGrouping = db
    .update(cases)
    .set({ groupKey: null, updatedAt: sql`${p('at')}` })
    .where(eq(cases.id, p('id')))
    .prepare()
  const join = db
    .update(cases)
    .set({
      alertCount: sql`${cases.alertCount} + 1`,
      lastAlertAt: sql`${p('at')}`,
      detectedAt: sql`min(coalesce(${cases.detectedAt}, ${p('eventAt')}), ${p('eventAt')})`,
      updatedAt: sql`${p('at')}`,
      severity: sql`${p('severity')}`,
    })
    .where(eq(cases.id, p('id')))
    .prepare()
  const insertCase = db
    .insert(cases)
    .values({
      id: p('id'),
      playbookId: p('playbookId'),
      title: p('title'),
      severity: p('severity'),
      ruleId: p('ruleId'),
      source: p('source'),
      groupKey: p('groupKey'),
      alertCount: 1,
      lastAlertAt: p('at'),
      detectedAt: p('eventAt'),
      createdAt: p('at'),
      updatedAt: p('at'),
    })
    .prepare()
  const linkRun = db
    .insert(caseRuns)
    .values({
      caseId: p('caseId'),
      runId: p('runId'),
      playbookId: p('playbookId'),
      version: p('version'),
      linkedAt: p('at'),
    })
    .prepare()
  const insertAlert = db
    .insert(alerts)
    .values({
      id: p('id'),
      playbookId: p('playbookId'),
      mode: p('mode'),
      caseId: p('caseId'),
      runId: p('runId'),
      source: p('source'),
      externalId: p('externalId'),
      ruleId: p('ruleId'),
      ruleName: p('ruleName'),
      severity: p('severity'),
      title: p('title'),
      host: p('host'),
      user: p('user'),
      groupKey: p('groupKey'),
      eventAt: p('eventAt'),
      receivedAt: p('at'),
      rawJson: p('rawJson'),
    })
    .prepare()

  /** The open case to join, if its window still runs; a case whose window passed stops grouping. */
  function joinable(req: IngestRequest, at: number) {
    const g = req.grouping
    const open = g && findOpen.get({ playbookId: req.playbookId, key: g.key })
    if (!g || !open) return undefined
    if ((open.lastAlertAt ?? open.createdAt) >= at - g.windowMs) return open
    endGrouping.run({ id: open.id, at })
    const details = { reason: 'window', windowMinutes: g.windowMs / 60_000 }
    appendEvent({ caseId: open.id, at, actor: 'system', kind: 'grouping.closed', details })
    return undefined
  }

  const ingestOnce = db.$client.transaction((req: IngestRequest): IngestResult => {
    const at = now()
    const a = req.alert
    const alertId = ids()
    const groupKey = req.grouping?.key ?? null
    let caseId: string | null = null
    let created = false
    let runId: string | null = req.runId
    if (req.mode === 'production') {
      const open = joinable(req, at)
      if (open) {
        caseId = open.id
        if (!req.grouping?.rerun) runId = null
        const raise = rank(a.severity) > rank(open.severity)
        const severity = raise ? a.severity : open.severity
        join.run({ id: caseId, at, eventAt: a.eventAt, severity })
        if (raise)
          appendEvent({
            caseId,
            at,
            actor: req.actor,
            kind: 'severity',
            details: { from: open.severity, to: severity, alertId },
          })
      } else {
        caseId = ids()
        created = true
        insertCase.run({ ...a, id: caseId, playbookId: req.playbookId, groupKey, at })
      }
      appendEvent({
        caseId,
        at,
        actor: req.actor,
        kind: created ? 'opened' : 'alert',
        details: { alertId, runId },
      })
      if (runId) linkRun.run({ caseId, runId, playbookId: req.playbookId, version: req.version, at })
    }
    insertAlert.run({
      ...a,
      id: alertId,
      playbookId: req.playbookId,
      mode: req.mode,
      caseId,
      runId,
      groupKey,
      at,
    })
    return { alertId, caseId, created, runId }
  })

  return {
    ingest(req) {
      try {
        return ingestOnce.immediate(req)
      } catch (err) {
        // Another process opened the case between our read and our insert: now it is there to join.
        if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') return ingestOnce.immediate(req)
        throw err
      }
    },
    unlinkRun: db.$client.transaction((runId: string) => {
      db.update(alerts).set({ runId: null }).where(eq(alerts.runId, runId)).run()
      db.delete(caseRuns).where(eq(caseRuns.runId, runId)).run()
    }),
  }
}
