import { z } from '@hono/zod-openapi'
import { ValidationError } from '../../runtime/format/problems.ts'
import type { ServerDeps } from '../app/deps.ts'
import { HttpError } from '../app/errors.ts'
import { createApiApp, defineRoute } from '../app/openapi.ts'
import { currentUser } from '../auth/user.ts'
import type { PlaybookVersion } from '../store/playbook-store.ts'
import { actorOf } from './actor.ts'
import { PlaybookDocumentSchema } from './playbooks.ts'
import { PlaybookIdParam, parseStored } from './playbooks-common.ts'
import { storedErrors } from './playbooks-validate.ts'
import { json } from './schemas.ts'

const VersionSchema = z
  .object({
    playbookId: z.string(),
    version: z.number().int(),
    note: z.string(),
    publishedAt: z.number(),
    publishedBy: z.string().nullable(),
  })
  .openapi('PlaybookVersion')

const VersionWithDocument = VersionSchema.extend({ playbook: PlaybookDocumentSchema }).openapi(
  'PlaybookVersionDocument',
)

const publish = defineRoute({
  method: 'post',
  path: '/api/playbooks/{id}/publish',
  permission: 'playbook.publish',
  request: {
    params: PlaybookIdParam,
    body: {
      content: {
        'application/json': {
          schema: z.object({ note: z.string().max(2000).default('') }).openapi('PublishRequest'),
        },
      },
      required: true,
    },
  },
  responses: {
    201: json(VersionSchema, 'The new immutable version'),
    404: json(z.unknown(), 'No such playbook'),
  },
})

const listVersions = defineRoute({
  method: 'get',
  path: '/api/playbooks/{id}/versions',
  permission: 'playbook.read',
  request: { params: PlaybookIdParam },
  responses: {
    200: json(z.object({ items: z.array(VersionSchema) }), 'Published versions, oldest first'),
    404: json(z.unknown(), 'No such playbook'),
  },
})

const getVersion = defineRoute({
  method: 'get',
  path: '/api/playbooks/{id}/versions/{version}',
  permission: 'playbook.read',
  request: {
    params: PlaybookIdParam.extend({
      version: z
        .string()
        .regex(/^[1-9]\d{0,8}$/, 'must be a version number')
        .openapi({ param: { name: 'version', in: 'path' }, example: '3' }),
    }),
  },
  responses: {
    200: json(VersionWithDocument, 'The version with its playbook'),
    404: json(z.unknown(), 'No such version'),
  },
})

function versionOf(v: PlaybookVersion): z.infer<typeof VersionSchema> {
  return {
    playbookId: v.playbookId,
    version: v.version,
    note: v.note,
    publishedAt: v.publishedAt,
    publishedBy: v.publishedBy,
  }
}

/**
 * Publishing and versions: `POST /api/playbooks/:id/publish` freezes the draft as the next immutable
 * version (refused with 422 and every problem when the draft no longer validates against the node
 * registry), and the versions can be listed and read.
 * @example app.route('/', playbookVersionRoutes(deps))
 */
export function playbookVersionRoutes(deps: ServerDeps) {
  const { playbooks, audit } = deps.stores
  const app = createApiApp()

  app.openapi(publish, async (c) => {
    const actor = actorOf(currentUser(c))
    const { id } = c.req.valid('param')
    const { note } = c.req.valid('json')
    const draft = await playbooks.getDraft(id)
    if (!draft) throw new HttpError(404, 'NOT_FOUND', `playbook "${id}" does not exist`)
    const problems = storedErrors(draft.json, deps.registry)
    if (problems.length > 0)
      throw new ValidationError(problems, `the draft of "${id}" has errors: fix them first`)
    const version = await playbooks.publish(id, { note, actor })
    await audit.append({
      actor,
      action: 'playbook.publish',
      target: id,
      details: { version: version.version, note },
    })
    return c.json(versionOf(version), 201)
  })

  app.openapi(listVersions, async (c) => {
    const { id } = c.req.valid('param')
    if (!(await playbooks.getDraft(id, { includeDeleted: true })))
      throw new HttpError(404, 'NOT_FOUND', `playbook "${id}" does not exist`)
    return c.json({ items: (await playbooks.versions(id)).map(versionOf) }, 200)
  })

  app.openapi(getVersion, async (c) => {
    const { id, version } = c.req.valid('param')
    const found = await playbooks.getVersion(id, Number(version))
    if (!found?.json) throw new HttpError(404, 'NOT_FOUND', `playbook "${id}" has no version ${version}`)
    return c.json({ ...versionOf(found), playbook: parseStored(found.json) }, 200)
  })

  return app
}
