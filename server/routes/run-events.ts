import { z } from '@hono/zod-openapi'
import type { ServerDeps } from '../app/deps.ts'
import { HttpError } from '../app/errors.ts'
import { createApiApp, defineRoute } from '../app/openapi.ts'
import { runEventsSSE } from '../events/sse.ts'
import { OpaqueIdParam } from './playbooks-common.ts'

const ENDED = new Set(['succeeded', 'failed', 'cancelled', 'timed_out'])

const runEvents = defineRoute({
  method: 'get',
  path: '/api/runs/{id}/events',
  permission: 'run.read',
  request: {
    params: OpaqueIdParam,
    headers: z.object({
      'last-event-id': z
        .string()
        .max(20)
        .optional()
        .openapi({ description: 'The last event seq seen; the stream resumes after it' }),
    }),
    query: z.object({ after: z.string().max(20).optional().openapi({ description: 'Like Last-Event-ID' }) }),
  },
  responses: {
    200: {
      description:
        'Server-Sent Events: the past events, then live ones until `run.finished`. `id:` is the seq, `event:` the type, `data:` the event as JSON',
      content: { 'text/event-stream': { schema: z.string() } },
    },
    404: { description: 'No such run' },
  },
})

/**
 * `GET /api/runs/:id/events`: the run's trace as Server-Sent Events, replayed from the `EventStore`
 * after `Last-Event-ID` (or `?after=`), then live from the bus, with no gap and no duplicate.
 * @example app.route('/', runEventRoutes(deps))
 */
export function runEventRoutes(deps: ServerDeps) {
  const { runs, events } = deps.stores
  const stream = runEventsSSE({
    replay: (runId, afterSeq) => events.list(runId, { afterSeq }),
    bus: deps.bus,
    isFinished: async (runId) => ENDED.has((await runs.get(runId))?.status ?? 'succeeded'),
  })
  const app = createApiApp()
  app.openapi(runEvents, async (c, next) => {
    const { id } = c.req.valid('param')
    if (!(await runs.get(id))) throw new HttpError(404, 'NOT_FOUND', `run ${id} does not exist`)
    return (await stream(c, next)) as Response
  })
  return app
}
