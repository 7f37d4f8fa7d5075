import { z } from '@hono/zod-openapi'
import { createApiApp, defineRoute } from './openapi.ts'

/** The body of `GET /healthz`. */
export const HealthSchema = z
  .object({ status: z.enum(['ok', 'degraded']), checks: z.record(z.string(), z.boolean()) })
  .openapi('Health')

/** `GET /healthz`: public, says only whether the parts are up (no versions, no paths). */
export const healthRoute = defineRoute({
  method: 'get',
  path: '/healthz',
  permission: null,
  responses: {
    200: { description: 'Up', content: { 'application/json': { schema: HealthSchema } } },
    503: { description: 'A part is down', content: { 'application/json': { schema: HealthSchema } } },
  },
})

/** Options of `healthRoutes`: named checks (e.g. `db: () => db.ping()`), each true when healthy. */
export interface HealthOptions {
  checks?: Record<string, () => boolean | Promise<boolean>>
}

/**
 * The health route on its own app, to mount with `app.route('/', healthRoutes({ checks }))`.
 * @example healthRoutes({ checks: { db: () => store.ping() } })
 */
export function healthRoutes(options: HealthOptions = {}) {
  const checks = Object.entries(options.checks ?? {})
  return createApiApp().openapi(healthRoute, async (c) => {
    const results: Record<string, boolean> = {}
    for (const [name, check] of checks)
      results[name] = await Promise.resolve()
        .then(check)
        .catch(() => false)
    const ok = Object.values(results).every(Boolean)
    return ok
      ? c.json({ status: 'ok' as const, checks: results }, 200)
      : c.json({ status: 'degraded' as const, checks: results }, 503)
  })
}
