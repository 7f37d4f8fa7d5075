import { z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { HttpError } from '../app/errors.ts'
import type { Admission } from '../queue/admission.ts'
import { json } from './schemas.ts'

/** The 503 answer of a route that queues runs, for its OpenAPI responses. */
export const queueFullResponse = {
  503: json(
    z.unknown(),
    'The run queue is full (QUEUE_FULL, at BULWARK_MAX_QUEUED_RUNS): nothing was queued; retry after the Retry-After seconds',
  ),
}

/**
 * Refuses the request with 503 `QUEUE_FULL` and a `Retry-After` header when `count` more runs do not
 * fit in the queue; nothing is queued then, so the sender can retry the same request as a whole.
 * @example await admitRuns(c, deps.admission, events.length)
 */
export async function admitRuns(c: Context, admission: Admission, count: number): Promise<void> {
  const answer = await admission.admit(count)
  if (answer.ok) return
  c.header('retry-after', String(answer.retryAfterSeconds))
  throw new HttpError(
    503,
    'QUEUE_FULL',
    `the run queue is full (${answer.queued.toLocaleString('en-US')} runs queued, limit ${answer.limit.toLocaleString('en-US')}): nothing was queued, retry after ${answer.retryAfterSeconds} s`,
  )
}
