import type { Clock } from '../../runtime/engine/types.ts'
import type { NodeRegistry } from '../../runtime/node-type.ts'
import type { EventBus } from '../events/bus.ts'
import type { Metrics } from '../metrics/metrics.ts'
import type { Runner } from '../runner/types.ts'
import type { Stores } from '../store/index.ts'

/** Operator settings of a server process (flags and `BULWARK_*` environment variables). */
export interface ServerConfig {
  host: string
  port: number
  dataDir: string
  /** Largest webhook body accepted. */
  webhookMaxBytes: number
  /** Session lifetime. */
  sessionTtlMs: number
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
  registry: NodeRegistry
  clock: Clock
  config: ServerConfig
}
