import { z } from '@hono/zod-openapi'
import { parseTemplateText } from '../../nodes/templates/text.ts'
import type { ServerDeps } from '../app/deps.ts'
import { HttpError } from '../app/errors.ts'
import { createApiApp, defineRoute } from '../app/openapi.ts'
import { registerTemplate } from '../app/published-templates.ts'
import { currentUser } from '../auth/user.ts'
import { actorOf } from './actor.ts'
import { json } from './schemas.ts'

const Published = z
  .object({
    id: z.string(),
    version: z.number().int(),
    title: z.string(),
    category: z.string(),
    deprecated: z.boolean(),
    template: z.record(z.string(), z.unknown()),
  })
  .openapi('PublishedTemplate')
const IdParam = z.object({ id: z.string().min(1).max(200) })
const VersionParam = IdParam.extend({ version: z.coerce.number().int().min(1) })

const list = defineRoute({
  method: 'get',
  path: '/api/templates',
  permission: 'template.read',
  summary: 'Every published template version (deprecated ones flagged)',
  responses: { 200: json(z.object({ items: z.array(Published) }), 'Templates by id and version') },
})
const versions = defineRoute({
  method: 'get',
  path: '/api/templates/{id}/versions',
  permission: 'template.read',
  summary: 'The published versions of one template',
  request: { params: IdParam },
  responses: {
    200: json(z.object({ items: z.array(Published) }), 'Versions, ascending'),
    404: json(z.unknown(), 'No such template'),
  },
})
const publish = defineRoute({
  method: 'post',
  path: '/api/templates',
  permission: 'template.publish',
  summary: 'Publish a template version (JSON body, or YAML text as application/yaml)',
  request: {
    body: {
      required: false,
      content: {
        'application/json': { schema: z.record(z.string(), z.unknown()) },
        'application/yaml': { schema: z.string() },
        'text/yaml': { schema: z.string() },
      },
    },
  },
  responses: {
    201: json(Published, 'Published; the node type is in the palette at once'),
    200: json(Published, 'The same content was already published (no change)'),
    409: json(z.unknown(), 'TEMPLATE_VERSION_EXISTS (different content) or TEMPLATE_ID_RESERVED'),
  },
})
const deprecate = defineRoute({
  method: 'post',
  path: '/api/templates/{id}/versions/{version}/deprecate',
  permission: 'template.publish',
  summary: 'Hide a version from new playbooks (pinned playbooks keep running it)',
  request: { params: VersionParam },
  responses: { 200: json(Published, 'Deprecated'), 404: json(z.unknown(), 'No such version') },
})

const view = (p: {
  template: { id: string; version: number; title: string; category: string }
  deprecated: boolean
}) => ({
  id: p.template.id,
  version: p.template.version,
  title: p.template.title,
  category: p.template.category,
  deprecated: p.deprecated,
  template: p.template as unknown as Record<string, unknown>,
})

/**
 * `/api/templates`: integration templates. A published `id@version` is immutable (different content
 * → 409 `TEMPLATE_VERSION_EXISTS`); a new version joins the live node registry at once.
 * @example api.route('/', templatesRoutes(deps))
 */
export function templatesRoutes(deps: ServerDeps) {
  const { templates, audit } = deps.stores
  return createApiApp()
    .openapi(list, async (c) => c.json({ items: (await templates.list()).map(view) }, 200))
    .openapi(versions, async (c) => {
      const { id } = c.req.valid('param')
      const items = (await templates.list()).filter((p) => p.template.id === id).map(view)
      if (items.length === 0) throw new HttpError(404, 'NOT_FOUND', `no template "${id}"`)
      return c.json({ items }, 200)
    })
    .openapi(publish, async (c) => {
      const user = currentUser(c)
      const type = c.req.header('content-type') ?? ''
      let value: unknown
      if (/json/i.test(type)) value = c.req.valid('json')
      else {
        const parsed = parseTemplateText(await c.req.text(), 'yaml')
        if (!parsed.ok) {
          throw new HttpError(422, 'INVALID_TEMPLATE', 'the template does not validate', {
            problems: parsed.problems,
          })
        }
        value = parsed.template
      }
      const before = await templates.list()
      const published = await templates.publish(value, actorOf(user))
      const { id, version } = published.template
      const existed = before.some((p) => p.template.id === id && p.template.version === version)
      registerTemplate(deps.registry, published)
      if (existed) return c.json(view(published), 200)
      await audit.append({ actor: actorOf(user), action: 'template.publish', target: `${id}@${version}` })
      return c.json(view(published), 201)
    })
    .openapi(deprecate, async (c) => {
      const { id, version } = c.req.valid('param')
      const published = await templates.deprecate(id, version)
      await audit.append({
        actor: actorOf(currentUser(c)),
        action: 'template.deprecate',
        target: `${id}@${version}`,
      })
      return c.json(view(published), 200)
    })
}
