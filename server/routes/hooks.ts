import { z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { playbookId } from '../../runtime/format/schema.ts'
import type { ServerDeps } from '../app/deps.ts'
import { createApiApp, defineRoute } from '../app/openapi.ts'
import { type VerifiedWebhook, verifyWebhook } from '../webhooks/verify-webhook.ts'
import { admitRuns, queueFullResponse } from './admit-runs.ts'
import { waitForRuns } from './hooks-wait.ts'
import { json } from './schemas.ts'

/** Longest `?wait=` honoured, in milliseconds; longer waits are cut to this. */
export const MAX_WAIT_MS = 30_000

const OutcomeSchema = z
  .object({
    runId: z.string(),
    status: z.string(),
    outputs: z.record(z.string(), z.unknown()).optional(),
    error: z.object({ code: z.string(), message: z.string() }).optional(),
  })
  .openapi('RunOutcome')

const hook = defineRoute({
  method: 'post',
  path: '/hooks/{playbookId}',
  // No session: the trigger's own secret (HMAC signature or bearer) is checked by verifyWebhook.
  permission: null,
  request: {
    params: z.object({ playbookId }),
    query: z.object({
      wait: z
        .string()
        .regex(/^\d{1,9}$/, 'must be milliseconds')
        .optional()
        .openapi({ description: `Wait up to this long (at most ${MAX_WAIT_MS} ms) for the runs to end` }),
    }),
    headers: z.object({
      'x-bulwark-signature': z
        .string()
        .optional()
        .openapi({ description: 'sha256=<hex HMAC-SHA256 of the raw body with the secret>' }),
    }),
  },
  responses: {
    200: json(
      z.object({ runIds: z.array(z.string()), runs: z.array(OutcomeSchema) }),
      'Wait mode: every run ended within the wait; their status and outputs',
    ),
    202: json(
      z.object({ runIds: z.array(z.string()) }).openapi('HookAccepted'),
      'Runs queued (one per event)',
    ),
    400: json(z.unknown(), 'Malformed JSON (or an NDJSON line, named in the message)'),
    401: json(z.unknown(), 'Bad or missing signature or bearer secret, or no such webhook'),
    413: json(z.unknown(), 'Body or event count over the limit'),
    415: json(z.unknown(), 'Neither JSON nor NDJSON'),
    ...queueFullResponse,
  },
})

/** What `verifyWebhook` left on the context (the route's env is the API's, which does not name it). */
function verifiedEvents(c: Context): unknown[] {
  return (c.get('webhook') as VerifiedWebhook).events
}

/**
 * `POST /hooks/:playbookId`: the webhook trigger of a published playbook. The sender proves it knows
 * the playbook's webhook secret (HMAC-SHA256 signature of the body, or a bearer secret); an unknown,
 * deleted or unpublished playbook answers the same 401 as a bad signature, so ids cannot be probed.
 * A JSON body is one event, NDJSON one per line; each queues one production run of the newest version
 * (except an alert that joins a case whose grouping does not rerun: see server/cases/intake.ts), and
 * the answer (202 `{ runIds }`) comes once the runs are stored. `?wait=<ms>` (bounded) answers
 * 200 with each run's status and outputs instead when all end within the wait. When the run queue is
 * full the request is refused whole: 503 `QUEUE_FULL` with `Retry-After`.
 * @example app.route('/', hookRoutes(deps))
 */
export function hookRoutes(deps: ServerDeps) {
  const { playbooks, webhookSecrets, runs } = deps.stores
  const secretOf = async (c: Context) => {
    const id = c.req.param('playbookId') ?? ''
    if (!playbookId.safeParse(id).success) return undefined
    // Both from memory: the webhook is armed once the live playbook has a published version.
    if (((await playbooks.head(id))?.latestVersion ?? null) === null) return undefined
    return webhookSecrets.get(id)
  }
  const app = createApiApp()
  app.use('/hooks/:playbookId', verifyWebhook({ secret: secretOf, maxBytes: deps.config.webhookMaxBytes }))

  app.openapi(hook, async (c) => {
    const { playbookId: id } = c.req.valid('param')
    const { wait } = c.req.valid('query')
    const runIds: string[] = []
    const events = verifiedEvents(c)
    // All or nothing: a batch that does not fit whole queues no run, so the sender retries it as is.
    await admitRuns(c, deps.admission, events.length)
    for (const event of events) {
      // The intake stores and groups alerts into cases; one that joins a case may start no run.
      const { runId } = await deps.intake.enqueue({
        playbookId: id,
        mode: 'production',
        trigger: event,
        requestedBy: 'webhook',
      })
      if (runId !== null) runIds.push(runId)
    }
    const ms = Math.min(MAX_WAIT_MS, Number(wait ?? 0))
    if (ms > 0) {
      const outcomes = await waitForRuns(runIds, {
        runs,
        bus: deps.bus,
        clock: deps.clock,
        ms,
        signal: c.req.raw.signal,
      })
      if (outcomes) return c.json({ runIds, runs: outcomes }, 200)
    }
    return c.json({ runIds }, 202)
  })

  return app
}
