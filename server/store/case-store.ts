import type { CaseStatus, Disposition } from '../../nodes/action/case-fields.ts'
import type { Severity } from '../../nodes/trigger/alert/shape.ts'
import type { CaseOutcome, RunMode } from '../../runtime/node-type.ts'
import type { RunRowStatus } from '../db/schema.ts'
import type { Page } from './cursor.ts'

/** A case as lists show it, with its KPI timestamps (epoch ms). */
export interface CaseSummary {
  id: string
  playbookId: string
  title: string
  severity: Severity
  status: CaseStatus
  assignee: string | null
  disposition: Disposition | null
  tags: string[]
  ruleId: string | null
  source: string | null
  /** True while alerts with its grouping key join it. */
  grouping: boolean
  alertCount: number
  lastAlertAt: number | null
  detectedAt: number | null
  createdAt: number
  updatedAt: number
  acknowledgedAt: number | null
  containedAt: number | null
  resolvedAt: number | null
}

/** A stored alert. */
export interface AlertRecord {
  id: string
  playbookId: string
  mode: RunMode
  caseId: string | null
  runId: string | null
  source: string
  externalId: string | null
  ruleId: string | null
  ruleName: string | null
  severity: Severity
  title: string
  host: string | null
  user: string | null
  groupKey: string | null
  eventAt: number
  receivedAt: number
  raw: unknown
}

/** One line of a case's timeline. */
export interface CaseTimelineEntry {
  id: number
  at: number
  actor: string
  kind: string
  details: unknown
}

export interface CaseComment {
  id: string
  at: number
  author: string
  text: string
}

/** A run linked to a case, with its current status (null once retention deleted it). */
export interface CaseRun {
  runId: string
  playbookId: string
  version: number | null
  linkedAt: number
  status: RunRowStatus | null
  queuedAt: number | null
  finishedAt: number | null
}

/** A case with everything linked to it. Alerts are the newest `MAX_CASE_ALERTS`; `alertCount` has them all. */
export interface CaseDetail extends CaseSummary {
  alerts: AlertRecord[]
  runs: CaseRun[]
  comments: CaseComment[]
  timeline: CaseTimelineEntry[]
}

/** Filters of `CaseStore.list`; times bound `createdAt` (from inclusive, to exclusive). */
export interface CaseFilter {
  status?: CaseStatus[]
  severity?: Severity[]
  assignee?: string
  ruleId?: string
  playbookId?: string
  from?: number
  to?: number
}

/** What a person may change on a case. `tags` replaces the list. */
export interface CasePatch {
  title?: string
  severity?: Severity
  status?: CaseStatus
  assignee?: string | null
  disposition?: Disposition | null
  tags?: string[]
}

/** What a playbook may do to its run's case (`action.case`), checked: tags are added, a comment appended. */
export interface RunCaseChange extends Omit<CasePatch, 'tags'> {
  tags?: string[]
  comment?: string
}

/** Who changes a case: a person (the first human action acknowledges it) or a playbook. */
export interface CaseActor {
  name: string
  human: boolean
}

/** Cases and their comments and timeline. Refusals are `StoreError`s (`NOT_FOUND`, `INVALID_STATE`). */
export interface CaseStore {
  /** Newest first. */
  list(filter?: CaseFilter, page?: { cursor?: string; limit?: number }): Promise<Page<CaseSummary>>
  get(id: string): Promise<CaseDetail | undefined>
  /** Applies the fields that differ, each as a timeline entry; checks the status transition. */
  update(id: string, patch: CasePatch, actor: CaseActor): Promise<{ case: CaseSummary; changed: string[] }>
  comment(id: string, text: string, actor: CaseActor): Promise<CaseComment>
  /** `action.case`: updates the run's case, opening one (linked to the run and its alert) if it has none. */
  applyForRun(runId: string, change: RunCaseChange, actor: CaseActor): Promise<CaseOutcome>
  /** The case a run works on, with the run's playbook version (for containment). */
  linkOfRun(runId: string): { caseId: string; playbookId: string; version: number | null } | undefined
  /**
   * A run retried as `runId` (not queued yet): links it to every case of the run it retries, with a
   * timeline entry each, so its steps count for the case (containment). Returns those case ids.
   */
  linkRetry(retryOf: string, runId: string, actor: CaseActor): Promise<string[]>
  /** A containment node of the run succeeded: the first one sets `containedAt` and moves the case to contained. */
  markContained(runId: string, info: { nodeId: string; at: number }): Promise<boolean>
}
