import type { Clock } from '../../runtime/engine/types.ts'
import type { AlertIntake } from '../cases/intake.ts'
import type { RuleIndex } from '../cases/rule-index.ts'
import type { EventBus } from '../events/bus.ts'
import type { Metrics } from '../metrics/metrics.ts'
import type { Admission } from '../queue/admission.ts'
import type { Runner } from '../runner/types.ts'
import type { Stores } from '../store/index.ts'
import type { LiveRegistry } from './live-registry.ts'

/** Operator settings of a server process (flags and `BULWARK_*` environment variables). */
export interface ServerConfig {
  host: string
  port: number
  dataDir: string
  /** Largest webhook body accepted. */
  webhookMaxBytes: number
  /** Session lifetime. */
  sessionTtlMs: number
  /**
   * A static bearer token Prometheus may scrape `/metrics` with (`BULWARK_METRICS_TOKEN`); without
   * it, `/metrics` needs an admin session or token.
   */
  metricsToken?: string
  /** Most runs queued at once before webhooks and run requests are refused (503); 0 = no limit. */
  maxQueuedRuns?: number
}

/**
 * What every route module receives: stores, the run worker, the event bus, metrics, node types and
 * the clock. Route modules are factories `(deps) => sub-app`, listed in `server/routes/index.ts`.
 */
export interface ServerDeps {
  stores: Stores
  runner: Runner
  bus: EventBus
  metrics: Metrics
  /** Built-in node types plus published templates; the templates route adds to it. */
  registry: LiveRegistry
  clock: Clock
  config: ServerConfig
  /** Where runs of alert and webhook triggers are queued: their alerts are stored and grouped into cases first. */
  intake: AlertIntake
  /** Which playbooks answer which SIEM rules (`rules` in the playbook file). */
  rules: RuleIndex
  /** The queue's room for new runs (`config.maxQueuedRuns`). */
  admission: Admission
}
