import { parseArgs } from 'node:util'
import type { ServerConfig } from './deps.ts'
import type { RetentionSettings } from './retention.ts'

type Env = Record<string, string | undefined>

/** Defaults of the operator settings. */
export const DEFAULTS = {
  host: '127.0.0.1',
  port: 8080,
  dataDir: './data',
  webhookMaxBytes: 1024 * 1024,
  sessionTtlMs: 8 * 3600_000,
  retentionDays: 30,
  retentionMaxRuns: 100_000,
  maxQueuedRuns: 100_000,
} as const

function int(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`${name} must be an integer ${min}-${max}, got "${raw}"`)
  return n
}

/**
 * The server's settings: flags (`--host --port --data-dir`) win over `BULWARK_HOST`,
 * `BULWARK_PORT`, `BULWARK_DATA_DIR`, which win over the defaults (127.0.0.1, 8080, ./data).
 * Also `BULWARK_WEBHOOK_MAX_BYTES`, `BULWARK_SESSION_TTL_HOURS`, `BULWARK_METRICS_TOKEN`,
 * `BULWARK_MAX_QUEUED_RUNS` (default 100,000; 0 = no limit).
 * @example configFrom(['--port', '0'], process.env).port // 0
 */
export function configFrom(argv: string[], env: Env): ServerConfig {
  const { values } = parseArgs({
    args: argv,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      'data-dir': { type: 'string' },
    },
    strict: true,
  })
  return {
    host: values.host ?? env.BULWARK_HOST ?? DEFAULTS.host,
    port: int('port', values.port ?? env.BULWARK_PORT, DEFAULTS.port, 0, 65_535),
    dataDir: values['data-dir'] ?? env.BULWARK_DATA_DIR ?? DEFAULTS.dataDir,
    webhookMaxBytes: int(
      'BULWARK_WEBHOOK_MAX_BYTES',
      env.BULWARK_WEBHOOK_MAX_BYTES,
      DEFAULTS.webhookMaxBytes,
      1024,
      100 * 1024 * 1024,
    ),
    sessionTtlMs:
      int(
        'BULWARK_SESSION_TTL_HOURS',
        env.BULWARK_SESSION_TTL_HOURS,
        DEFAULTS.sessionTtlMs / 3600_000,
        1,
        24 * 30,
      ) * 3600_000,
    metricsToken: env.BULWARK_METRICS_TOKEN || undefined,
    maxQueuedRuns: int(
      'BULWARK_MAX_QUEUED_RUNS',
      env.BULWARK_MAX_QUEUED_RUNS,
      DEFAULTS.maxQueuedRuns,
      0,
      1_000_000_000,
    ),
  }
}

/**
 * Run retention from `BULWARK_RETENTION_DAYS` (default 30) and `BULWARK_RETENTION_MAX_RUNS` (default
 * 100,000); 0 turns a rule off.
 * @example retentionFrom({ BULWARK_RETENTION_DAYS: '7' }) // { days: 7, maxRuns: 100000 }
 */
export function retentionFrom(env: Env): RetentionSettings {
  return {
    days: int('BULWARK_RETENTION_DAYS', env.BULWARK_RETENTION_DAYS, DEFAULTS.retentionDays, 0, 36_500),
    maxRuns: int(
      'BULWARK_RETENTION_MAX_RUNS',
      env.BULWARK_RETENTION_MAX_RUNS,
      DEFAULTS.retentionMaxRuns,
      0,
      1_000_000_000,
    ),
  }
}
