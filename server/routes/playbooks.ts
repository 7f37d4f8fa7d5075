import { z } from '@hono/zod-openapi'
import type { ServerDeps } from '../app/deps.ts'
import { HttpError } from '../app/errors.ts'
import { createApiApp, defineRoute } from '../app/openapi.ts'
import { currentUser } from '../auth/user.ts'
import { RUN_STATUSES } from '../db/schema.ts'
import type { PlaybookDraft, PlaybookSummary } from '../store/playbook-store.ts'
import { actorOf } from './actor.ts'
import { limitBody, PlaybookIdParam, ProblemSchema, parseStored } from './playbooks-common.ts'
import { checkPlaybook } from './playbooks-validate.ts'
import { json } from './schemas.ts'

/** Largest playbook document accepted by create and save. */
export const MAX_PLAYBOOK_BYTES = 5 * 1024 * 1024

/** A playbook document as sent and returned (validated by `runtime/format`, not by this schema). */
export const PlaybookDocumentSchema = z
  .record(z.string(), z.unknown())
  .openapi('PlaybookDocument', { description: 'A playbook file (runtime/format, any known format)' })

const SummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    tags: z.array(z.string()),
    status: z.enum(['draft', 'published']),
    latestVersion: z.number().int().nullable(),
    lastRun: z.object({ id: z.string(), status: z.enum(RUN_STATUSES), queuedAt: z.number() }).nullable(),
    createdAt: z.number(),
    updatedAt: z.number(),
    updatedBy: z.string().nullable(),
  })
  .openapi('PlaybookSummary')

const DraftSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    tags: z.array(z.string()),
    createdAt: z.number(),
    updatedAt: z.number(),
    updatedBy: z.string().nullable(),
    playbook: PlaybookDocumentSchema,
  })
  .openapi('PlaybookDraft')

const SavedSchema = z
  .object({ draft: DraftSchema, warnings: z.array(ProblemSchema) })
  .openapi('PlaybookSaved')

const ListQuery = z.object({
  search: z.string().max(200).optional(),
  tag: z.string().max(64).optional(),
  status: z.enum(['draft', 'published']).optional(),
})

const listPlaybooks = defineRoute({
  method: 'get',
  path: '/api/playbooks',
  permission: 'playbook.read',
  request: { query: ListQuery },
  responses: {
    200: json(
      z.object({ items: z.array(SummarySchema), count: z.number().int() }),
      'Playbooks, by id; `status` is `published` once a version exists',
    ),
  },
})

const documentBody = {
  content: { 'application/json': { schema: PlaybookDocumentSchema } },
  required: true,
} as const

const createPlaybook = defineRoute({
  method: 'post',
  path: '/api/playbooks',
  permission: 'playbook.edit',
  middleware: [limitBody(MAX_PLAYBOOK_BYTES)],
  request: { body: documentBody },
  responses: {
    201: json(SavedSchema, 'Created; warnings do not block saving'),
    409: json(z.unknown(), 'A playbook with this id exists'),
  },
})

const getPlaybook = defineRoute({
  method: 'get',
  path: '/api/playbooks/{id}',
  permission: 'playbook.read',
  request: { params: PlaybookIdParam },
  responses: { 200: json(DraftSchema, 'The draft'), 404: json(z.unknown(), 'No such playbook') },
})

const putPlaybook = defineRoute({
  method: 'put',
  path: '/api/playbooks/{id}',
  permission: 'playbook.edit',
  middleware: [limitBody(MAX_PLAYBOOK_BYTES)],
  request: { params: PlaybookIdParam, body: documentBody },
  responses: {
    200: json(SavedSchema, 'Saved as canonical JSON'),
    404: json(z.unknown(), 'No such playbook (create it with POST /api/playbooks)'),
  },
})

const deletePlaybook = defineRoute({
  method: 'delete',
  path: '/api/playbooks/{id}',
  permission: 'playbook.edit',
  request: { params: PlaybookIdParam },
  responses: {
    204: { description: 'Hidden from lists and triggers; versions and runs stay' },
    404: json(z.unknown(), 'No such playbook'),
  },
})

function summaryOf(p: PlaybookSummary): z.infer<typeof SummarySchema> {
  const { deletedAt: _deleted, ...rest } = p
  return { ...rest, status: p.latestVersion === null ? 'draft' : 'published' }
}

function draftOf(d: PlaybookDraft): z.infer<typeof DraftSchema> {
  const { json, deletedAt: _deleted, ...meta } = d
  return { ...meta, playbook: parseStored(json) }
}

function matches(p: PlaybookSummary, q: z.infer<typeof ListQuery>): boolean {
  if (q.tag !== undefined && !p.tags.includes(q.tag)) return false
  if (q.status === 'published' && p.latestVersion === null) return false
  if (q.status === 'draft' && p.latestVersion !== null) return false
  const needle = q.search?.trim().toLowerCase()
  if (!needle) return true
  return [p.id, p.name, ...p.tags].some((s) => s.toLowerCase().includes(needle))
}

/**
 * Playbook drafts: list with search and filters, create, read, save (validated against the node
 * registry; 422 with every problem) and soft-delete. Every change goes to the audit log.
 * @example app.route('/', playbookRoutes(deps))
 */
export function playbookRoutes(deps: ServerDeps) {
  const { playbooks, audit } = deps.stores
  const app = createApiApp()

  app.openapi(listPlaybooks, async (c) => {
    const query = c.req.valid('query')
    const items = (await playbooks.list()).filter((p) => matches(p, query)).map(summaryOf)
    return c.json({ items, count: items.length }, 200)
  })

  app.openapi(createPlaybook, async (c) => {
    const actor = actorOf(currentUser(c))
    const { playbook, warnings } = checkPlaybook(c.req.valid('json'), deps.registry)
    if (await playbooks.getDraft(playbook.id))
      throw new HttpError(409, 'CONFLICT', `playbook "${playbook.id}" exists: save it with PUT`)
    const { draft } = await playbooks.putDraft(playbook, actor)
    await audit.append({ actor, action: 'playbook.create', target: draft.id })
    return c.json({ draft: draftOf(draft), warnings }, 201)
  })

  app.openapi(getPlaybook, async (c) => {
    const { id } = c.req.valid('param')
    const draft = await playbooks.getDraft(id)
    if (!draft) throw new HttpError(404, 'NOT_FOUND', `playbook "${id}" does not exist`)
    return c.json(draftOf(draft), 200)
  })

  app.openapi(putPlaybook, async (c) => {
    const actor = actorOf(currentUser(c))
    const { id } = c.req.valid('param')
    if (!(await playbooks.getDraft(id)))
      throw new HttpError(404, 'NOT_FOUND', `playbook "${id}" does not exist`)
    const { playbook, warnings } = checkPlaybook(c.req.valid('json'), deps.registry, id)
    const { draft } = await playbooks.putDraft(playbook, actor)
    await audit.append({ actor, action: 'playbook.update', target: id })
    return c.json({ draft: draftOf(draft), warnings }, 200)
  })

  app.openapi(deletePlaybook, async (c) => {
    const actor = actorOf(currentUser(c))
    const { id } = c.req.valid('param')
    if (!(await playbooks.softDelete(id, actor)))
      throw new HttpError(404, 'NOT_FOUND', `playbook "${id}" does not exist`)
    await audit.append({ actor, action: 'playbook.delete', target: id })
    return c.body(null, 204)
  })

  return app
}
