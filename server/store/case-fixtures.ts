import type { Db } from '../db/open.ts'
import { createSqliteAlertIntake, type IngestRequest, type NewAlert } from './sqlite-alert-intake.ts'

/**
 * Test helper: stores alerts through the real intake, so tests start from the cases production makes.
 * @example const { caseId } = ingestAlert(db, clock, { alert: { ruleId: 'r1' } })
 */
export function ingestAlert(
  db: Db,
  deps: { now: () => number; ids: () => string },
  over: Partial<Omit<IngestRequest, 'alert'>> & { alert?: Partial<NewAlert> } = {},
) {
  const { alert, ...rest } = over
  return createSqliteAlertIntake(db, deps).ingest({
    alert: {
      source: 'splunk',
      externalId: null,
      ruleId: 'rule-a',
      ruleName: 'Rule A',
      severity: 'medium',
      title: 'An alert',
      host: 'web-1',
      user: null,
      eventAt: deps.now(),
      rawJson: '{}',
      ...alert,
    },
    playbookId: 'pb',
    version: 1,
    mode: 'production',
    runId: `run-${deps.ids()}`,
    actor: 'webhook',
    ...rest,
  })
}
