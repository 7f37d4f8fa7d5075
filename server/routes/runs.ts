import { z } from '@hono/zod-openapi'
import type { SimulateOptions } from '../../runtime/engine/types.ts'
import type { ServerDeps } from '../app/deps.ts'
import { HttpError } from '../app/errors.ts'
import { createApiApp, defineRoute } from '../app/openapi.ts'
import { can } from '../auth/roles.ts'
import { type AuthUser, currentUser } from '../auth/user.ts'
import type { RunRowStatus } from '../db/schema.ts'
import { actorOf } from './actor.ts'
import { admitRuns, queueFullResponse } from './admit-runs.ts'
import { limitBody, OpaqueIdParam, PlaybookIdParam } from './playbooks-common.ts'
import {
  MAX_EVENT_BYTES,
  RetrySchema,
  RunDetailSchema,
  RunListQuery,
  RunQueuedSchema,
  RunSummarySchema,
  runDetailOf,
  runSummaryOf,
  StartRunSchema,
  timeOf,
} from './runs-schemas.ts'
import { json } from './schemas.ts'

const jsonBody = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true,
})

const startRun = defineRoute({
  method: 'post',
  path: '/api/playbooks/{id}/runs',
  // `run.test` lets the request in; a production run also needs `run.production` (checked inside).
  permission: 'run.test',
  middleware: [limitBody(MAX_EVENT_BYTES)],
  request: { params: PlaybookIdParam, body: jsonBody(StartRunSchema) },
  responses: {
    202: json(RunQueuedSchema, 'Queued'),
    404: json(z.unknown(), 'No such playbook or version'),
    409: json(z.unknown(), 'A production run of a playbook with no published version'),
    422: json(z.unknown(), '`simulate` given for a production run'),
    ...queueFullResponse,
  },
})

const listRuns = defineRoute({
  method: 'get',
  path: '/api/runs',
  permission: 'run.read',
  request: { query: RunListQuery },
  responses: {
    200: json(
      z.object({ items: z.array(RunSummarySchema), nextCursor: z.string().optional() }),
      'Newest first; pass `nextCursor` as `cursor` for the next page',
    ),
  },
})

const getRun = defineRoute({
  method: 'get',
  path: '/api/runs/{id}',
  permission: 'run.read',
  request: { params: OpaqueIdParam },
  responses: { 200: json(RunDetailSchema, 'The run'), 404: json(z.unknown(), 'No such run') },
})

const cancelRun = defineRoute({
  method: 'post',
  path: '/api/runs/{id}/cancel',
  // Whoever may start test runs may stop them; production runs also need `run.cancel` (checked inside).
  permission: 'run.test',
  request: { params: OpaqueIdParam },
  responses: {
    200: json(z.object({ status: z.enum(['cancelled', 'cancelling']) }), 'Cancelled, or being cancelled'),
    404: json(z.unknown(), 'No such run'),
    409: json(z.unknown(), 'The run has already ended'),
  },
})

const retryRun = defineRoute({
  method: 'post',
  path: '/api/runs/{id}/retry',
  // Retrying a production run also needs `run.production` (checked inside).
  permission: 'run.test',
  request: { params: OpaqueIdParam, body: { ...jsonBody(RetrySchema), required: false } },
  responses: {
    202: json(RunQueuedSchema, 'The new run, queued'),
    404: json(z.unknown(), 'No such run'),
    409: json(z.unknown(), 'The run cannot be retried in its state'),
    ...queueFullResponse,
  },
})

function requireProduction(user: AuthUser, what: string): void {
  if (!can(user.role, 'run.production'))
    throw new HttpError(403, 'FORBIDDEN', `the ${user.role} role may not ${what} (needs run.production)`)
}

/**
 * Runs: start one (test runs from the draft or a version, production runs from published versions
 * only), list them with filters and a cursor, read one with its steps, cancel and retry. The runner
 * records starts, cancels and retries in the audit log under the caller's name.
 * @example app.route('/', runRoutes(deps))
 */
export function runRoutes(deps: ServerDeps) {
  const { playbooks, runs } = deps.stores
  const app = createApiApp()

  app.openapi(startRun, async (c) => {
    const user = currentUser(c)
    const { id } = c.req.valid('param')
    const { event, mode, version, simulate } = c.req.valid('json')
    if (mode === 'production') requireProduction(user, 'start production runs')
    if (simulate !== undefined && mode !== 'test')
      throw new HttpError(
        422,
        'INVALID_REQUEST',
        'simulate applies to test runs only: drop it or use mode "test"',
      )
    if (!(await playbooks.getDraft(id)))
      throw new HttpError(404, 'NOT_FOUND', `playbook "${id}" does not exist`)
    let pinned = version
    if (version !== undefined) {
      if (!(await playbooks.getVersion(id, version)))
        throw new HttpError(404, 'NOT_FOUND', `playbook "${id}" has no version ${version}`)
    } else if (mode === 'production') {
      pinned = (await playbooks.getVersion(id))?.version
      if (pinned === undefined)
        throw new HttpError(
          409,
          'NOT_PUBLISHED',
          `production runs use published versions only, and "${id}" has none: publish it, or start a test run`,
        )
    }
    await admitRuns(c, deps.admission, 1)
    // Through the intake: an alert for an alert or webhook trigger is stored (and grouped) with the run.
    const { runId } = await deps.intake.enqueue(
      {
        playbookId: id,
        mode,
        trigger: event ?? null,
        requestedBy: actorOf(user),
        ...(pinned !== undefined ? { version: pinned } : {}),
        // The body is parsed JSON, so mock outputs are JSON values.
        ...(simulate !== undefined ? { simulate: simulate as SimulateOptions } : {}),
      },
      { alwaysRun: true },
    )
    if (runId === null) throw new Error('the intake started no run despite alwaysRun')
    return c.json({ runId }, 202)
  })

  app.openapi(listRuns, async (c) => {
    const q = c.req.valid('query')
    const page = await runs.list(
      {
        ...(q.playbook ? { playbookId: q.playbook } : {}),
        ...(q.status ? { status: q.status.split(',') as RunRowStatus[] } : {}),
        ...(q.mode ? { mode: q.mode } : {}),
        ...(q.from ? { from: timeOf(q.from) } : {}),
        ...(q.to ? { to: timeOf(q.to) } : {}),
      },
      { cursor: q.cursor, limit: Math.min(200, Math.max(1, Number(q.limit ?? 50))) },
    )
    const body = {
      items: page.items.map(runSummaryOf),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    }
    return c.json(body, 200)
  })

  app.openapi(getRun, async (c) => {
    const { id } = c.req.valid('param')
    const run = await runs.get(id)
    if (!run) throw new HttpError(404, 'NOT_FOUND', `run ${id} does not exist`)
    return c.json(runDetailOf(run), 200)
  })

  app.openapi(cancelRun, async (c) => {
    const user = currentUser(c)
    const { id } = c.req.valid('param')
    const run = await runs.get(id)
    if (!run) throw new HttpError(404, 'NOT_FOUND', `run ${id} does not exist`)
    if (!['queued', 'running', 'waiting'].includes(run.status))
      throw new HttpError(409, 'INVALID_STATE', `run ${id} has already ended (${run.status})`)
    if (run.mode === 'production' && !can(user.role, 'run.cancel'))
      throw new HttpError(
        403,
        'FORBIDDEN',
        `the ${user.role} role may not cancel production runs (needs run.cancel)`,
      )
    const result = await deps.runner.cancel(id, { by: actorOf(user) })
    return c.json({ status: result.status }, 200)
  })

  app.openapi(retryRun, async (c) => {
    const user = currentUser(c)
    const { id } = c.req.valid('param')
    const body = (c.req.valid('json') ?? {}) as z.infer<typeof RetrySchema>
    const run = await runs.get(id)
    if (!run) throw new HttpError(404, 'NOT_FOUND', `run ${id} does not exist`)
    if (run.mode === 'production') requireProduction(user, 'retry production runs')
    await admitRuns(c, deps.admission, 1)
    const runId = await deps.runner.retry(id, {
      by: actorOf(user),
      ...(body.fromNode ? { fromNode: body.fromNode } : {}),
    })
    return c.json({ runId }, 202)
  })

  return app
}
