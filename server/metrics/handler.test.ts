import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { createOnError, HttpError } from '../app/errors.ts'
import { countRequests, metricsHandler } from './handler.ts'
import { createMetrics } from './metrics.ts'

function buildApp() {
  const metrics = createMetrics({ defaultMetrics: false, queueDepth: () => 7 })
  const app = new Hono()
  app.onError(createOnError({ log: () => {} }))
  app.use('*', countRequests(metrics))
  app.get('/api/runs/:id', (c) => c.json({ id: c.req.param('id') }))
  app.get('/api/fail', () => {
    throw new HttpError(409, 'CONFLICT', 'no')
  })
  app.get('/metrics', metricsHandler(metrics))
  return { app, metrics }
}

describe('metrics endpoint', () => {
  it('serves Prometheus text with runs, durations and queue depth', async () => {
    const { app, metrics } = buildApp()
    metrics.recordRun({ status: 'succeeded', mode: 'production', durationMs: 40 })
    const res = await app.request('/metrics')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/plain')
    const text = await res.text()
    expect(text).toContain('bulwark_runs_total{status="succeeded",mode="production"} 1')
    expect(text).toContain(
      'bulwark_run_duration_seconds_bucket{le="0.05",status="succeeded",mode="production"} 1',
    )
    expect(text).toContain('bulwark_queue_depth 7')
  })

  it('counts requests by route pattern, not raw path, including errors', async () => {
    const { app } = buildApp()
    await app.request('/api/runs/a')
    await app.request('/api/runs/b')
    await app.request('/api/fail')
    await app.request('/nowhere/123')
    const text = await (await app.request('/metrics')).text()
    expect(text).toContain('bulwark_http_requests_total{method="GET",route="/api/runs/:id",status="200"} 2')
    expect(text).toContain('bulwark_http_requests_total{method="GET",route="/api/fail",status="409"} 1')
    expect(text).toContain('bulwark_http_requests_total{method="GET",route="/*",status="404"} 1')
    expect(text).not.toContain('/api/runs/a')
  })
})
