import { z } from '@hono/zod-openapi'
import { slug } from '../../runtime/format/schema.ts'
import { RUN_MODES, RUN_STATUSES } from '../db/schema.ts'
import type { RunDetail, RunSummary } from '../store/run-store.ts'

/** Largest trigger event accepted by `POST /api/playbooks/:id/runs`. */
export const MAX_EVENT_BYTES = 1024 * 1024

const port = z.string().min(1).max(100)

/** How a test run stands in for the outside world (the engine's `SimulateOptions`). */
export const SimulateSchema = z
  .object({
    external: z.boolean().optional().openapi({
      description: 'Also answer external lookups (nodes without side effects) from their sample',
    }),
    mocks: z
      .record(
        slug,
        z.object({
          output: z.unknown().openapi({ description: 'What the node returns instead of running (any JSON)' }),
          port: z.union([port, z.array(port).max(100)]).optional(),
        }),
      )
      .refine((m) => Object.keys(m).length <= 1000, 'at most 1000 mocked nodes')
      .optional()
      .openapi({ description: 'Node id → the result it returns instead of running' }),
  })
  .strict()
  .openapi('RunSimulate')

/** The body of `POST /api/playbooks/:id/runs`. */
export const StartRunSchema = z
  .object({
    event: z.unknown().openapi({ description: 'The trigger event (any JSON)' }),
    mode: z.enum(RUN_MODES),
    version: z.number().int().min(1).max(1e9).optional(),
    simulate: SimulateSchema.optional().openapi({
      description: 'Test runs only (a production run with it is refused, 422)',
    }),
  })
  .openapi('StartRun')

/** The body of `POST /api/runs/:id/retry`. */
export const RetrySchema = z.object({ fromNode: slug.optional() }).openapi('RetryRun')

/** `{ runId }` of a queued run. */
export const RunQueuedSchema = z.object({ runId: z.string() }).openapi('RunQueued')

/** A time in a query: epoch milliseconds or an ISO 8601 date (read with `timeOf`). */
export const timeQuery = z
  .string()
  .max(40)
  .refine((s) => timeOf(s) !== undefined, 'must be epoch milliseconds or an ISO 8601 date')

/** Filters and page of `GET /api/runs`. */
export const RunListQuery = z.object({
  playbook: z
    .string()
    .max(100)
    .regex(/^[a-z0-9][a-z0-9_-]*$/)
    .optional(),
  status: z
    .string()
    .max(200)
    .refine(
      (s) => s.split(',').every((x) => (RUN_STATUSES as readonly string[]).includes(x)),
      `one or more of ${RUN_STATUSES.join(', ')}, comma-separated`,
    )
    .optional(),
  mode: z.enum(RUN_MODES).optional(),
  from: timeQuery.optional().openapi({ description: 'Queued at or after (epoch ms or ISO date)' }),
  to: timeQuery.optional().openapi({ description: 'Queued before (epoch ms or ISO date)' }),
  cursor: z.string().max(500).optional(),
  limit: z
    .string()
    .regex(/^\d{1,3}$/)
    .optional()
    .openapi({ description: '1 to 200, default 50' }),
})

/** A time filter as epoch milliseconds, or undefined when it is neither digits nor a date. */
export function timeOf(s: string): number | undefined {
  const t = /^\d{1,15}$/.test(s) ? Number(s) : Date.parse(s)
  return Number.isFinite(t) ? t : undefined
}

const ErrorInfo = z.object({ code: z.string(), message: z.string(), nodeId: z.string().optional() })

/** A run in a list. */
export const RunSummarySchema = z
  .object({
    id: z.string(),
    playbookId: z.string(),
    version: z.number().int().nullable(),
    mode: z.enum(RUN_MODES),
    status: z.enum(RUN_STATUSES),
    error: ErrorInfo.optional(),
    queuedAt: z.number(),
    startedAt: z.number().nullable(),
    finishedAt: z.number().nullable(),
    retryOfRunId: z.string().nullable(),
    retryFromNode: z.string().nullable(),
    createdBy: z.string().nullable(),
  })
  .openapi('RunSummary')

const StepSchema = z
  .object({
    nodeId: z.string(),
    attempt: z.number().int(),
    status: z.string(),
    input: z.unknown().optional(),
    output: z.unknown().optional(),
    error: z.unknown().optional(),
    logs: z.array(z.unknown()),
    startedAt: z.number().nullable(),
    finishedAt: z.number().nullable(),
  })
  .openapi('RunStep')

/** A run with its trigger, outputs and steps. */
export const RunDetailSchema = RunSummarySchema.extend({
  trigger: z.unknown(),
  simulate: SimulateSchema.optional().openapi({ description: 'What this test run simulated' }),
  outputs: z.record(z.string(), z.unknown()).optional(),
  steps: z.array(StepSchema),
}).openapi('RunDetail')

/** The public fields of a run row (no lease bookkeeping). */
export function runSummaryOf(r: RunSummary): z.infer<typeof RunSummarySchema> {
  return {
    id: r.id,
    playbookId: r.playbookId,
    version: r.version,
    mode: r.mode,
    status: r.status,
    ...(r.error ? { error: r.error } : {}),
    queuedAt: r.queuedAt,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    retryOfRunId: r.retryOfRunId,
    retryFromNode: r.retryFromNode,
    createdBy: r.createdBy,
  }
}

/** A run's detail: no checkpoint (it holds the whole playbook), but its outputs once it succeeded. */
export function runDetailOf(r: RunDetail): z.infer<typeof RunDetailSchema> {
  const outputs = r.state?.outputs
  return {
    ...runSummaryOf(r),
    trigger: r.trigger,
    ...(r.simulate ? { simulate: r.simulate } : {}),
    ...(outputs ? { outputs } : {}),
    steps: r.steps,
  }
}
