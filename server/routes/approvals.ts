import { z } from '@hono/zod-openapi'
import type { ServerDeps } from '../app/deps.ts'
import { createApiApp, defineRoute } from '../app/openapi.ts'
import { currentUser } from '../auth/user.ts'
import { APPROVAL_STATUSES } from '../db/schema.ts'
import type { Approval } from '../store/approval-store.ts'
import { OpaqueIdParam, opaqueId } from './playbooks-common.ts'
import { json } from './schemas.ts'

const DecisionSchema = z.object({
  actor: z.string(),
  decision: z.enum(['approve', 'reject']),
  comment: z.string().optional(),
  at: z.number(),
})

const ApprovalSchema = z
  .object({
    id: z.string(),
    runId: z.string(),
    nodeId: z.string(),
    status: z.enum(APPROVAL_STATUSES),
    request: z.unknown().openapi({ description: 'What the gate asks, and who may decide' }),
    decisions: z.array(DecisionSchema),
    required: z.number().int(),
    createdAt: z.number(),
    timeoutAt: z.number().nullable(),
    decidedAt: z.number().nullable(),
  })
  .openapi('Approval')

const listApprovals = defineRoute({
  method: 'get',
  path: '/api/approvals',
  permission: 'approval.read',
  request: {
    query: z.object({ status: z.enum(APPROVAL_STATUSES).optional(), runId: opaqueId.optional() }),
  },
  responses: {
    200: json(
      z.object({ items: z.array(ApprovalSchema), count: z.number().int() }),
      'Approvals, with their count (for badges)',
    ),
  },
})

const decide = defineRoute({
  method: 'post',
  path: '/api/approvals/{id}',
  permission: 'approval.decide',
  request: {
    params: OpaqueIdParam,
    body: {
      content: {
        'application/json': {
          schema: z
            .object({ decision: z.enum(['approve', 'reject']), comment: z.string().max(10_000).optional() })
            .openapi('ApprovalDecisionRequest'),
        },
      },
      required: true,
    },
  },
  responses: {
    200: json(
      z.object({ approval: ApprovalSchema, resolved: z.boolean() }),
      'Recorded (who and when); `resolved` when this decision settled the gate and the run resumes',
    ),
    403: json(z.unknown(), 'The caller is not an allowed approver of this gate'),
    404: json(z.unknown(), 'No such approval'),
    409: json(z.unknown(), 'Already decided (by this user, or settled)'),
  },
})

const approvalOf = (a: Approval): z.infer<typeof ApprovalSchema> => ({ ...a })

/**
 * Approvals: the list (`?status=pending` for the inbox, with a count for badges) and decisions. The
 * runner checks the caller against the gate's approvers (403), records who and when, and wakes the run
 * once the quorum is reached or one rejection settles it.
 * @example app.route('/', approvalRoutes(deps))
 */
export function approvalRoutes(deps: ServerDeps) {
  const app = createApiApp()

  app.openapi(listApprovals, async (c) => {
    const { status, runId } = c.req.valid('query')
    const items = await deps.stores.approvals.list({
      ...(status ? { status } : {}),
      ...(runId ? { runId } : {}),
    })
    return c.json({ items: items.map(approvalOf), count: items.length }, 200)
  })

  app.openapi(decide, async (c) => {
    const user = currentUser(c)
    const { id } = c.req.valid('param')
    const { decision, comment } = c.req.valid('json')
    const result = await deps.runner.decide(id, {
      decision,
      by: user.username,
      role: user.role,
      ...(comment !== undefined ? { comment } : {}),
    })
    return c.json({ approval: approvalOf(result.approval), resolved: result.resolved }, 200)
  })

  return app
}
