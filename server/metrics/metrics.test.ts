import { register } from 'prom-client'
import { describe, expect, it } from 'vitest'
import { createMetrics } from './metrics.ts'

describe('createMetrics', () => {
  it('uses its own registry, so two instances (tests, workers) do not clash', async () => {
    const a = createMetrics()
    const b = createMetrics()
    a.recordRun({ status: 'failed', mode: 'test', durationMs: 1500 })
    expect(await b.registry.getSingleMetricAsString('bulwark_runs_total')).not.toContain('failed')
    expect(await register.getSingleMetric('bulwark_runs_total')).toBeUndefined()
  })

  it('includes default process metrics unless turned off', async () => {
    expect(await createMetrics().registry.metrics()).toContain('process_cpu_user_seconds_total')
    expect(await createMetrics({ defaultMetrics: false }).registry.metrics()).not.toContain('process_cpu')
  })
})
