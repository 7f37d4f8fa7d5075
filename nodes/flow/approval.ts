import { z } from 'zod'
import { defineNode, type Json, NodeError } from '../../runtime/node-type.ts'

const DAY = 86_400_000

const paramsSchema = z
  .object({
    approvers: z
      .object({
        users: z.array(z.string().min(1).max(200)).max(100).default([]),
        roles: z
          .array(z.enum(['analyst', 'champion', 'responder', 'admin']))
          .max(10)
          .default([]),
      })
      .default({ users: [], roles: ['responder'] })
      .describe('Who may decide: named users and/or roles'),
    message: z
      .string()
      .min(1)
      .max(10_000)
      .describe('What the approver is asked, e.g. "Isolate {{ trigger.host }}?"'),
    required: z
      .number()
      .int()
      .min(1)
      .max(20)
      .default(1)
      .describe('Approvals needed (quorum); one rejection rejects'),
    timeoutMs: z
      .number()
      .int()
      .min(60_000, 'at least one minute')
      .max(30 * DAY, 'at most 30 days')
      .default(DAY)
      .describe('After this, the timeout port fires'),
  })
  .superRefine((p, issue) => {
    if (p.approvers.users.length === 0 && p.approvers.roles.length === 0) {
      issue.addIssue({
        code: 'custom',
        path: ['approvers'],
        message: 'name at least one approver user or role',
      })
    }
    if (p.approvers.roles.length === 0 && p.approvers.users.length < p.required) {
      issue.addIssue({
        code: 'custom',
        path: ['required'],
        message: `${p.required} approvals required but only ${p.approvers.users.length} approver(s) named`,
      })
    }
  })

const decisionSchema = z.union([
  z.object({
    decision: z.enum(['approve', 'reject']),
    by: z.string().min(1).max(200),
    comment: z.string().max(10_000).optional(),
  }),
  z.object({ timeout: z.literal(true) }),
])

interface ApprovalWait {
  kind: 'approval'
  approvers: { users: string[]; roles: string[] }
  message: string
  required: number
  requestedAt: string
  timeoutAt: string
  approvals: { by: string; comment: string | null; at: string }[]
}

/**
 * `flow.approval`: pauses the run until people decide. The run is checkpointed as `waiting` with
 * `{ kind: 'approval', approvers, message, required, timeoutAt, approvals }`; the server shows it
 * to the approvers and calls `resume` with `{ decision: 'approve'|'reject', by, comment }`, or
 * `{ timeout: true }` when `timeoutAt` passes. One rejection fires `rejected`; `required` distinct
 * approvals fire `approved` (until then the node keeps waiting); a timeout fires `timeout`. The
 * server checks that `by` may decide (user or role); the node ignores a second vote by the same person.
 */
export const flowApproval = defineNode({
  type: 'flow.approval',
  version: 1,
  category: 'flow',
  title: 'Approval',
  description: 'Waits for approvers (users or roles) to approve or reject, with a quorum and a timeout.',
  icon: 'user-check',
  params: paramsSchema,
  output: z.object({
    decision: z.enum(['approve', 'reject', 'timeout']),
    by: z.string().nullable(),
    comment: z.string().nullable(),
    decidedAt: z.string(),
    approvals: z.array(z.object({ by: z.string(), comment: z.string().nullable(), at: z.string() })),
  }),
  ports: ['approved', 'rejected', 'timeout'],
  run({ params, ctx }) {
    const now = ctx.now()
    const wait: ApprovalWait = {
      kind: 'approval',
      approvers: params.approvers,
      message: params.message,
      required: params.required,
      requestedAt: new Date(now).toISOString(),
      timeoutAt: new Date(now + params.timeoutMs).toISOString(),
      approvals: [],
    }
    return { status: 'waiting', wait: wait as unknown as Json }
  },
  resume({ params, value, wait, ctx }) {
    const parsed = decisionSchema.safeParse(value)
    if (!parsed.success) {
      throw new NodeError(
        'INVALID_DECISION',
        'expected { decision: "approve" | "reject", by, comment? } or { timeout: true }',
        { retryable: false },
      )
    }
    const previous = (wait as unknown as Partial<ApprovalWait> | null)?.approvals ?? []
    const decidedAt = new Date(ctx.now()).toISOString()
    const d = parsed.data
    if ('timeout' in d) {
      return {
        output: { decision: 'timeout' as const, by: null, comment: null, decidedAt, approvals: previous },
        port: 'timeout',
      }
    }
    const comment = d.comment ?? null
    if (d.decision === 'reject') {
      return {
        output: { decision: 'reject' as const, by: d.by, comment, decidedAt, approvals: previous },
        port: 'rejected',
      }
    }
    const approvals = previous.some((a) => a.by === d.by)
      ? previous
      : [...previous, { by: d.by, comment, at: decidedAt }]
    if (approvals.length < params.required) {
      return { status: 'waiting' as const, wait: { ...(wait as object), approvals } as unknown as Json }
    }
    return {
      output: { decision: 'approve' as const, by: d.by, comment, decidedAt, approvals },
      port: 'approved',
    }
  },
})
