import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'

/** Options of `createMetrics`. */
export interface MetricsOptions {
  /** Runs waiting in the queue, read at each scrape. */
  queueDepth?: () => number | Promise<number>
  /** Process metrics (CPU, memory, event loop lag, …). Default true; tests may turn them off. */
  defaultMetrics?: boolean
}

/** The server's metrics on their own registry (never prom-client's global one). */
export interface Metrics {
  registry: Registry
  runsTotal: Counter<'status' | 'mode'>
  runDuration: Histogram<'status' | 'mode'>
  queueDepth: Gauge
  httpRequests: Counter<'method' | 'route' | 'status'>
  /** Counts a finished run and observes its duration. */
  recordRun(run: { status: string; mode: string; durationMs: number }): void
}

/**
 * Creates the registry and the metrics the server exports at `/metrics`.
 * @example
 * const metrics = createMetrics({ queueDepth: () => runs.countQueued() })
 * recorder.onFinished = (run) => metrics.recordRun(run)
 */
export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry()
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry })
  const runsTotal = new Counter({
    name: 'bulwark_runs_total',
    help: 'Finished runs by final status and mode.',
    labelNames: ['status', 'mode'] as const,
    registers: [registry],
  })
  const runDuration = new Histogram({
    name: 'bulwark_run_duration_seconds',
    help: 'Run duration from start to finish, in seconds.',
    labelNames: ['status', 'mode'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 1800],
    registers: [registry],
  })
  const depth = options.queueDepth
  const queueDepth = new Gauge({
    name: 'bulwark_queue_depth',
    help: 'Runs queued and not yet claimed by a worker.',
    registers: [registry],
    async collect() {
      if (depth) this.set(await depth())
    },
  })
  const httpRequests = new Counter({
    name: 'bulwark_http_requests_total',
    help: 'HTTP requests by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  })
  return {
    registry,
    runsTotal,
    runDuration,
    queueDepth,
    httpRequests,
    recordRun({ status, mode, durationMs }) {
      runsTotal.inc({ status, mode })
      runDuration.observe({ status, mode }, durationMs / 1000)
    },
  }
}
