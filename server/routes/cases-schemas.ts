import { z } from '@hono/zod-openapi'
import { CASE_STATUSES, DISPOSITIONS } from '../../nodes/action/case-fields.ts'
import { SEVERITIES } from '../../nodes/trigger/alert/shape.ts'
import { playbookId } from '../../runtime/format/schema.ts'
import { RUN_MODES, RUN_STATUSES } from '../db/schema.ts'
import type { CaseFilter } from '../store/case-store.ts'
import { timeOf, timeQuery } from './runs-schemas.ts'

/**
 * A comma-separated list of allowed values in a query, e.g. `status=new,acknowledged`.
 * @example commaList(SEVERITIES).parse('high,critical') // 'high,critical'
 */
export function commaList(values: readonly string[]) {
  return z
    .string()
    .max(500)
    .refine(
      (s) => s.split(',').every((x) => values.includes(x)),
      `one or more of ${values.join(', ')}, comma-separated`,
    )
}

const SeveritySchema = z.enum(SEVERITIES).openapi('Severity')
const CaseStatusSchema = z.enum(CASE_STATUSES).openapi('CaseStatus')
const DispositionSchema = z.enum(DISPOSITIONS).openapi('Disposition')
const ruleId = z.string().min(1).max(300)

/** The filters shared by the case list and the KPIs. */
export const CaseFilterQuery = z.object({
  severity: commaList(SEVERITIES).optional(),
  playbook: playbookId.optional(),
  rule: ruleId.optional().openapi({ description: 'SIEM correlation-rule id' }),
  from: timeQuery.optional().openapi({ description: 'Created at or after (epoch ms or ISO date)' }),
  to: timeQuery.optional().openapi({ description: 'Created before (epoch ms or ISO date)' }),
})

/** Filters and page of `GET /api/cases`. */
export const CaseListQuery = CaseFilterQuery.extend({
  status: commaList(CASE_STATUSES).optional(),
  assignee: z.string().min(1).max(200).optional(),
  cursor: z.string().max(500).optional(),
  limit: z
    .string()
    .regex(/^\d{1,3}$/)
    .optional()
    .openapi({ description: '1 to 200, default 50' }),
})

/** A validated query as a store filter. */
export function caseFilterOf(q: z.infer<typeof CaseListQuery>): CaseFilter {
  return {
    ...(q.status ? { status: q.status.split(',') as CaseFilter['status'] } : {}),
    ...(q.severity ? { severity: q.severity.split(',') as CaseFilter['severity'] } : {}),
    ...(q.assignee ? { assignee: q.assignee } : {}),
    ...(q.rule ? { ruleId: q.rule } : {}),
    ...(q.playbook ? { playbookId: q.playbook } : {}),
    ...(q.from ? { from: timeOf(q.from) } : {}),
    ...(q.to ? { to: timeOf(q.to) } : {}),
  }
}

const at = z.number().int().nullable()

export const CaseSummarySchema = z
  .object({
    id: z.string(),
    playbookId: z.string(),
    title: z.string(),
    severity: SeveritySchema,
    status: CaseStatusSchema,
    assignee: z.string().nullable(),
    disposition: DispositionSchema.nullable(),
    tags: z.array(z.string()),
    ruleId: z.string().nullable(),
    source: z.string().nullable(),
    grouping: z.boolean().openapi({ description: 'True while alerts with its grouping key join it' }),
    alertCount: z.number().int(),
    lastAlertAt: at,
    detectedAt: at.openapi({ description: 'Earliest event time of its alerts' }),
    createdAt: z.number().int(),
    updatedAt: z.number().int(),
    acknowledgedAt: at.openapi({ description: 'First human action' }),
    containedAt: at.openapi({ description: 'First success of a containment node (or moved to contained)' }),
    resolvedAt: at,
  })
  .openapi('CaseSummary')

export const AlertSchema = z
  .object({
    id: z.string(),
    playbookId: z.string(),
    mode: z.enum(RUN_MODES),
    caseId: z.string().nullable(),
    runId: z.string().nullable(),
    source: z.string(),
    externalId: z.string().nullable(),
    ruleId: z.string().nullable(),
    ruleName: z.string().nullable(),
    severity: SeveritySchema,
    title: z.string(),
    host: z.string().nullable(),
    user: z.string().nullable(),
    groupKey: z.string().nullable(),
    eventAt: z.number().int(),
    receivedAt: z.number().int(),
    raw: z.unknown().openapi({ description: 'The payload as received, or { $truncated, bytes, preview }' }),
  })
  .openapi('Alert')

export const CaseCommentSchema = z
  .object({ id: z.string(), at: z.number().int(), author: z.string(), text: z.string() })
  .openapi('CaseComment')

/** A playbook answering a rule. */
export const RuleHandlerSchema = z
  .object({ id: z.string(), name: z.string(), published: z.boolean() })
  .openapi('RuleHandler')

export const CaseDetailSchema = CaseSummarySchema.extend({
  alerts: z.array(AlertSchema).openapi({ description: 'The newest 200; alertCount counts all' }),
  runs: z.array(
    z.object({
      runId: z.string(),
      playbookId: z.string(),
      version: z.number().int().nullable(),
      linkedAt: z.number().int(),
      status: z.enum(RUN_STATUSES).nullable(),
      queuedAt: at,
      finishedAt: at,
    }),
  ),
  comments: z.array(CaseCommentSchema),
  timeline: z.array(
    z.object({
      id: z.number().int(),
      at: z.number().int(),
      actor: z.string(),
      kind: z.string(),
      details: z.unknown(),
    }),
  ),
  playbooks: z.array(RuleHandlerSchema).openapi({ description: 'Playbooks listing its rule in `rules`' }),
}).openapi('CaseDetail')

/** The body of `PATCH /api/cases/:id`: at least one field. */
export const CasePatchSchema = z
  .object({
    title: z.string().trim().min(1).max(300).optional(),
    severity: SeveritySchema.optional(),
    status: CaseStatusSchema.optional(),
    assignee: z.string().trim().min(1).max(200).nullable().optional(),
    disposition: DispositionSchema.nullable().optional(),
    tags: z
      .array(z.string().trim().min(1).max(100))
      .max(100)
      .optional()
      .openapi({ description: 'Replaces the tags' }),
  })
  .strict()
  .refine((p) => Object.values(p).some((v) => v !== undefined), 'give at least one field to change')
  .openapi('CasePatch')

export const CommentBodySchema = z
  .object({ text: z.string().trim().min(1, 'a comment needs text').max(10_000) })
  .strict()
  .openapi('NewCaseComment')
