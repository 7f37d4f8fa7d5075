import { z } from '@hono/zod-openapi'
import type { ServerDeps } from '../app/deps.ts'
import { HttpError } from '../app/errors.ts'
import { createApiApp, defineRoute } from '../app/openapi.ts'
import { currentUser } from '../auth/user.ts'
import { actorOf } from './actor.ts'
import {
  CaseCommentSchema,
  CaseDetailSchema,
  CaseListQuery,
  CasePatchSchema,
  CaseSummarySchema,
  CommentBodySchema,
  caseFilterOf,
} from './cases-schemas.ts'
import { limitBody, OpaqueIdParam } from './playbooks-common.ts'
import { json, jsonBody } from './schemas.ts'

const listCases = defineRoute({
  method: 'get',
  path: '/api/cases',
  permission: 'case.read',
  request: { query: CaseListQuery },
  responses: {
    200: json(
      z.object({ items: z.array(CaseSummarySchema), nextCursor: z.string().optional() }),
      'Newest first; pass `nextCursor` as `cursor` for the next page',
    ),
  },
})

const getCase = defineRoute({
  method: 'get',
  path: '/api/cases/{id}',
  permission: 'case.read',
  request: { params: OpaqueIdParam },
  responses: {
    200: json(CaseDetailSchema, 'The case with its alerts, runs, comments, timeline and playbooks'),
    404: json(z.unknown(), 'No such case'),
  },
})

const patchCase = defineRoute({
  method: 'patch',
  path: '/api/cases/{id}',
  permission: 'case.manage',
  middleware: [limitBody(64 * 1024)],
  request: { params: OpaqueIdParam, body: jsonBody(CasePatchSchema) },
  responses: {
    200: json(
      z.object({ case: CaseSummarySchema, changed: z.array(z.string()) }),
      'The case after the change, and the fields that changed',
    ),
    404: json(z.unknown(), 'No such case'),
    409: json(z.unknown(), 'A status move that is not allowed (the message lists the allowed ones)'),
  },
})

const addComment = defineRoute({
  method: 'post',
  path: '/api/cases/{id}/comments',
  permission: 'case.manage',
  middleware: [limitBody(64 * 1024)],
  request: { params: OpaqueIdParam, body: jsonBody(CommentBodySchema) },
  responses: { 201: json(CaseCommentSchema, 'The comment'), 404: json(z.unknown(), 'No such case') },
})

/**
 * Cases: the list (filters: status, severity, assignee, rule, playbook, created time range; cursor
 * pagination), one case with everything linked to it and the playbooks that answer its rule, changes
 * (status moves are checked) and comments. A person's first change or comment acknowledges the case;
 * every change is on its timeline and in the audit log.
 * @example app.route('/', caseRoutes(deps))
 */
export function caseRoutes(deps: ServerDeps) {
  const { cases, audit } = deps.stores
  const app = createApiApp()

  app.openapi(listCases, async (c) => {
    const q = c.req.valid('query')
    const page = await cases.list(caseFilterOf(q), {
      cursor: q.cursor,
      limit: Math.min(200, Math.max(1, Number(q.limit ?? 50))),
    })
    return c.json({ items: page.items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) }, 200)
  })

  app.openapi(getCase, async (c) => {
    const { id } = c.req.valid('param')
    const found = await cases.get(id)
    if (!found) throw new HttpError(404, 'NOT_FOUND', `case ${id} does not exist`)
    const handlers = found.ruleId ? ((await deps.rules.handlers()).get(found.ruleId) ?? []) : []
    return c.json({ ...found, playbooks: handlers }, 200)
  })

  app.openapi(patchCase, async (c) => {
    const actor = actorOf(currentUser(c))
    const { id } = c.req.valid('param')
    const patch = c.req.valid('json')
    const result = await cases.update(id, patch, { name: actor, human: true })
    if (result.changed.length > 0)
      await audit.append({
        actor,
        action: 'case.update',
        target: id,
        details: { changed: result.changed, patch },
      })
    return c.json(result, 200)
  })

  app.openapi(addComment, async (c) => {
    const actor = actorOf(currentUser(c))
    const { id } = c.req.valid('param')
    const comment = await cases.comment(id, c.req.valid('json').text, { name: actor, human: true })
    await audit.append({ actor, action: 'case.comment', target: id, details: { commentId: comment.id } })
    return c.json(comment, 201)
  })

  return app
}
