import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { CASE_STATUSES, DISPOSITIONS } from '../../nodes/action/case-fields.ts'
import { SEVERITIES } from '../../nodes/trigger/alert/shape.ts'
import { RUN_MODES } from './enums.ts'

/**
 * Cases: what responders work on, one per group of alerts (see nodes/trigger/grouping.ts). The KPI
 * timestamps (`detected_at` … `resolved_at`) are kept on the row so metrics read one table.
 */
export const cases = sqliteTable(
  'cases',
  {
    id: text('id').primaryKey(),
    /** The playbook whose trigger received the first alert (or whose `action.case` opened it). */
    playbookId: text('playbook_id').notNull(),
    title: text('title').notNull(),
    severity: text('severity', { enum: SEVERITIES }).notNull(),
    status: text('status', { enum: CASE_STATUSES }).notNull().default('new'),
    assignee: text('assignee'),
    disposition: text('disposition', { enum: DISPOSITIONS }),
    tags: text('tags', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    /** The rule and source of the first alert. */
    ruleId: text('rule_id'),
    source: text('source'),
    /**
     * The grouping key while the case takes new alerts; null once it is resolved, closed or its window
     * passed. Unique per playbook, so concurrent identical alerts can never open two cases.
     */
    groupKey: text('group_key'),
    alertCount: integer('alert_count').notNull().default(0),
    /** Arrival of the latest alert: the grouping window runs from it. */
    lastAlertAt: integer('last_alert_at'),
    /** Earliest event time of its alerts. */
    detectedAt: integer('detected_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    /** First human action (a change or a comment by a user). */
    acknowledgedAt: integer('acknowledged_at'),
    /** First success of a containment node in one of its runs. */
    containedAt: integer('contained_at'),
    /** When it was resolved (or closed without being resolved first); cleared when reopened. */
    resolvedAt: integer('resolved_at'),
  },
  (t) => [
    uniqueIndex('cases_group_key_idx').on(t.playbookId, t.groupKey),
    index('cases_created_idx').on(t.createdAt, t.id),
    index('cases_status_idx').on(t.status, t.createdAt),
    index('cases_rule_idx').on(t.ruleId),
  ],
)

/** Every alert that reached an alert or webhook trigger, normalized, with its raw payload (bounded). */
export const alerts = sqliteTable(
  'alerts',
  {
    id: text('id').primaryKey(),
    playbookId: text('playbook_id').notNull(),
    mode: text('mode', { enum: RUN_MODES }).notNull(),
    /** Null for test runs, which open no case. */
    caseId: text('case_id').references(() => cases.id, { onDelete: 'cascade' }),
    /** The run it started; null when it joined a case whose grouping does not rerun. */
    runId: text('run_id'),
    /** `splunk`, `elastic`, `wazuh`, `sentinel`, `ecs`, `generic`, or `unknown` (not an alert format). */
    source: text('source').notNull(),
    /** The SIEM's own id of the alert. */
    externalId: text('external_id'),
    ruleId: text('rule_id'),
    ruleName: text('rule_name'),
    severity: text('severity', { enum: SEVERITIES }).notNull(),
    title: text('title').notNull(),
    host: text('host'),
    user: text('user'),
    groupKey: text('group_key'),
    eventAt: integer('event_at').notNull(),
    receivedAt: integer('received_at').notNull(),
    /** The payload as received, or a `{ $truncated, bytes, preview }` marker when it was too large. */
    rawJson: text('raw_json').notNull(),
  },
  (t) => [
    index('alerts_case_idx').on(t.caseId, t.receivedAt),
    index('alerts_run_idx').on(t.runId),
    index('alerts_source_idx').on(t.source, t.receivedAt),
    index('alerts_rule_idx').on(t.ruleId, t.receivedAt),
  ],
)

/** Runs working on a case: started by its alerts, or linked by `action.case`. */
export const caseRuns = sqliteTable(
  'case_runs',
  {
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    runId: text('run_id').notNull(),
    playbookId: text('playbook_id').notNull(),
    /** The published version the run executes (containment nodes are looked up in it). */
    version: integer('version'),
    linkedAt: integer('linked_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.runId] }), index('case_runs_run_idx').on(t.runId)],
)

/** A case's timeline: every change, who made it and when. */
export const caseEvents = sqliteTable(
  'case_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    at: integer('at').notNull(),
    /** A user name, `playbook:<id>`, `run:<id>` or `system`. */
    actor: text('actor').notNull(),
    /** `opened`, `alert`, `run`, `status`, `severity`, `assignee`, `disposition`, `tags`, `title`, `comment`, `contained`, `grouping.closed`. */
    kind: text('kind').notNull(),
    details: text('details', { mode: 'json' }).$type<unknown>(),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.id)],
)

export const caseComments = sqliteTable(
  'case_comments',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    at: integer('at').notNull(),
    author: text('author').notNull(),
    text: text('text').notNull(),
  },
  (t) => [index('case_comments_case_idx').on(t.caseId, t.at)],
)

/** State of each `trigger.silence` watch, so a silence fires once even across restarts. */
export const silenceWatches = sqliteTable('silence_watches', {
  /** The playbook, node and source key watched. */
  key: text('key').primaryKey(),
  playbookId: text('playbook_id').notNull(),
  /** When the watcher first saw the watch: a source never heard of is silent since then. */
  armedAt: integer('armed_at').notNull(),
  /** The start of the silence it last fired for (the last alert's arrival, or `armed_at`). */
  firedFor: integer('fired_for'),
  firedAt: integer('fired_at'),
})
