import { timingSafeEqual } from 'node:crypto'
import { z } from '@hono/zod-openapi'
import type { MiddlewareHandler } from 'hono'
import type { ServerDeps } from '../app/deps.ts'
import { healthRoutes } from '../app/health.ts'
import { createApiApp, defineRoute } from '../app/openapi.ts'
import type { AuthEnv } from '../auth/user.ts'
import { metricsHandler } from '../metrics/handler.ts'

const metrics = defineRoute({
  method: 'get',
  path: '/metrics',
  permission: 'settings.manage',
  summary:
    'Prometheus metrics. Scrape with `Authorization: Bearer $BULWARK_METRICS_TOKEN` (a scrape-only ' +
    'secret set by the operator), or as an admin',
  responses: {
    200: { description: 'Prometheus text format', content: { 'text/plain': { schema: z.string() } } },
  },
})

function sameSecret(sent: string, expected: string): boolean {
  const a = Buffer.from(sent)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * Lets a request bearing the operator's metrics token through `/metrics` (and nowhere else) as a
 * scrape-only caller. Prometheus then needs no admin token, which would open every other route.
 */
function metricsToken(token: string | undefined): MiddlewareHandler<AuthEnv> {
  return async function metricsTokenMiddleware(c, next) {
    const sent = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')?.[1]
    if (token && sent && !c.get('user') && sameSecret(sent, token)) {
      c.set('user', { id: 'metrics', username: 'metrics-scraper', role: 'admin', via: 'token' })
    }
    return next()
  }
}

/**
 * `GET /healthz` (public: only up or down, with the database check) and `GET /metrics` (admin or the
 * metrics token). `/api/openapi.json` is served by create-server over the whole API.
 * @example app.route('/', systemRoutes(deps))
 */
export function systemRoutes(deps: ServerDeps) {
  const app = createApiApp()
  app.use('/metrics', metricsToken(deps.config.metricsToken))
  app.openapi(metrics, metricsHandler(deps.metrics) as never)
  app.route('/', healthRoutes({ checks: { db: async () => (await deps.stores.users.count()) >= 0 } }))
  return app
}
