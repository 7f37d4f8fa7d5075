import { z } from 'zod'
import { type CaseChange, defineNode, NodeError } from '../../runtime/node-type.ts'
import { severitySchema } from '../trigger/alert/shape.ts'
import { CASE_STATUSES, DISPOSITIONS } from './case-fields.ts'

const outputSchema = z.object({
  caseId: z.string(),
  created: z.boolean(),
  status: z.enum(CASE_STATUSES),
  severity: severitySchema,
  tags: z.array(z.string()),
})

/**
 * `action.case`: opens the run's case, or updates it when the run already has one (an alert that
 * came through a webhook always has). Every param is optional: the ones given change the case, tags
 * are added, a comment is appended to its timeline. The host checks status transitions
 * (`CASE_INVALID_TRANSITION`). Test runs return the sample instead (side effect).
 */
export const actionCase = defineNode({
  type: 'action.case',
  version: 1,
  category: 'action',
  title: 'Case',
  description: "Opens or updates the run's case: severity, status, tags, comment, disposition, assignee.",
  icon: 'briefcase',
  sideEffects: true,
  params: z.object({
    title: z.string().trim().min(1).max(300).optional().describe('Title of a case this node opens'),
    severity: severitySchema.optional(),
    status: z.enum(CASE_STATUSES).optional().describe('Moves the case (allowed transitions only)'),
    assignee: z.string().trim().min(1).max(200).nullable().optional().describe('User name; null unassigns'),
    disposition: z.enum(DISPOSITIONS).nullable().optional(),
    tags: z.array(z.string().trim().min(1).max(100)).max(50).optional().describe('Added to the case'),
    comment: z.string().trim().min(1).max(10_000).optional().describe('Appended to the timeline'),
  }),
  output: outputSchema,
  sample: { caseId: 'case-sample', created: false, status: 'acknowledged', severity: 'medium', tags: [] },
  async run({ params, ctx }) {
    if (!ctx.cases)
      throw new NodeError('CASES_UNAVAILABLE', 'cases are kept by the Bulwark server: this host has none', {
        retryable: false,
      })
    const change: CaseChange = {}
    for (const key of Object.keys(params) as (keyof typeof params)[]) {
      if (params[key] !== undefined) Object.assign(change, { [key]: params[key] })
    }
    const outcome = await ctx.cases.apply(change, { nodeId: ctx.nodeId })
    return { output: outputSchema.parse(outcome) }
  },
})
