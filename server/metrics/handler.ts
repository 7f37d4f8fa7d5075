import type { Handler, MiddlewareHandler } from 'hono'
import { routePath } from 'hono/route'
import type { Metrics } from './metrics.ts'

/**
 * `GET /metrics`: the registry in Prometheus text format.
 * @example app.get('/metrics', metricsHandler(metrics))
 */
export function metricsHandler(metrics: Pick<Metrics, 'registry'>): Handler {
  if (!metrics?.registry) throw new TypeError('metricsHandler: metrics.registry is required')
  return async function metricsRoute(c) {
    const body = await metrics.registry.metrics()
    return c.body(body, 200, { 'content-type': metrics.registry.contentType })
  }
}

/**
 * Counts requests by method, route *pattern* (`/api/runs/:id`, never the raw path, so the number of
 * series stays bounded) and status. Mount first with `app.use('*', …)`. A request no route matched is
 * counted under the pattern of the middleware that saw it last (e.g. `/*`).
 * @example app.use('*', countRequests(metrics))
 */
export function countRequests(metrics: Pick<Metrics, 'httpRequests'>): MiddlewareHandler {
  if (!metrics?.httpRequests) throw new TypeError('countRequests: metrics.httpRequests is required')
  return async function countRequestsMiddleware(c, next) {
    try {
      await next()
    } finally {
      // After next(), the route index points at the last handler that ran: the matched route.
      metrics.httpRequests.inc({ method: c.req.method, route: routePath(c), status: String(c.res.status) })
    }
  }
}
