import { z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { ServerDeps } from '../app/deps.ts'
import { HttpError } from '../app/errors.ts'
import { createApiApp, defineRoute } from '../app/openapi.ts'
import { currentUser } from '../auth/user.ts'
import { actorOf } from './actor.ts'
import { PlaybookIdParam } from './playbooks-common.ts'
import { json } from './schemas.ts'

const WebhookInfoSchema = z
  .object({
    url: z.string().openapi({ example: 'https://bulwark.example.com/hooks/phishing-triage' }),
    hasSecret: z.boolean(),
    published: z.boolean().openapi({ description: 'The webhook answers only once a version is published' }),
    signatureHeader: z.string(),
  })
  .openapi('WebhookInfo')

const getWebhook = defineRoute({
  method: 'get',
  path: '/api/playbooks/{id}/webhook',
  permission: 'playbook.publish',
  request: { params: PlaybookIdParam },
  responses: {
    200: json(WebhookInfoSchema, 'Whether a secret exists (never the secret) and the URL'),
    404: json(z.unknown(), 'No such playbook'),
  },
})

const rotateWebhook = defineRoute({
  method: 'post',
  path: '/api/playbooks/{id}/webhook',
  permission: 'playbook.publish',
  request: { params: PlaybookIdParam },
  responses: {
    200: json(
      WebhookInfoSchema.extend({ secret: z.string() }).openapi('WebhookSecret'),
      'A new secret, shown this once; the previous one stops working',
    ),
    404: json(z.unknown(), 'No such playbook'),
  },
})

/**
 * The webhook trigger's secret for admins and champions: `GET` says whether one exists and where to
 * send events; `POST` creates or rotates it and shows the new secret once (it is stored encrypted and
 * never shown again). Rotations are audited, without the secret.
 * @example app.route('/', webhookSecretRoutes(deps))
 */
export function webhookSecretRoutes(deps: ServerDeps) {
  const { playbooks, webhookSecrets, audit } = deps.stores
  const app = createApiApp()

  async function info(c: Context, id: string) {
    if (!(await playbooks.getDraft(id)))
      throw new HttpError(404, 'NOT_FOUND', `playbook "${id}" does not exist`)
    return {
      url: new URL(`/hooks/${id}`, c.req.url).toString(),
      hasSecret: (await webhookSecrets.get(id)) !== undefined,
      published: (await playbooks.getVersion(id)) !== undefined,
      signatureHeader: 'x-bulwark-signature: sha256=<hex HMAC-SHA256 of the body>',
    }
  }

  app.openapi(getWebhook, async (c) => {
    const { id } = c.req.valid('param')
    return c.json(await info(c, id), 200)
  })

  app.openapi(rotateWebhook, async (c) => {
    const actor = actorOf(currentUser(c))
    const { id } = c.req.valid('param')
    const before = await info(c, id)
    const secret = await webhookSecrets.rotate(id)
    await audit.append({
      actor,
      action: 'webhook.rotate',
      target: id,
      details: { replaced: before.hasSecret },
    })
    c.header('cache-control', 'no-store')
    return c.json({ ...before, hasSecret: true, secret }, 200)
  })

  return app
}
