import { z } from '@hono/zod-openapi'
import type { ServerDeps } from '../app/deps.ts'
import { createApiApp, defineRoute } from '../app/openapi.ts'
import { json } from './schemas.ts'

const Entry = z
  .object({
    id: z.number().int(),
    at: z.number().int(),
    actor: z.string(),
    action: z.string(),
    target: z.string().nullable(),
    details: z.unknown(),
  })
  .openapi('AuditEntry')
const Query = z.object({
  actor: z.string().max(200).optional(),
  action: z.string().max(100).optional(),
  target: z.string().max(200).optional(),
  from: z.coerce.number().int().optional().openapi({ description: 'At or after (epoch ms)' }),
  to: z.coerce.number().int().optional().openapi({ description: 'Before (epoch ms)' }),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
})

const list = defineRoute({
  method: 'get',
  path: '/api/audit',
  permission: 'audit.read',
  summary: 'The append-only audit log, newest first',
  request: { query: Query },
  responses: {
    200: json(z.object({ items: z.array(Entry), nextCursor: z.string().optional() }), 'One page'),
  },
})

/**
 * `GET /api/audit` (admin): filters by actor, action, target and time; pages with `nextCursor`.
 * @example api.route('/', auditRoutes(deps))
 */
export function auditRoutes(deps: ServerDeps) {
  return createApiApp().openapi(list, async (c) => {
    const { cursor, limit, ...filter } = c.req.valid('query')
    return c.json(await deps.stores.audit.list(filter, { cursor, limit }), 200)
  })
}
