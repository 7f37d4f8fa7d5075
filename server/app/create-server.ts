// First: zod-openapi adds `.openapi()` only to zod schemas created after it loads (zod 4 builds
// methods per instance), and route modules call it on schemas from runtime/format.
import '@hono/zod-openapi'
import { resolve } from 'node:path'
import { type ServerType, serve } from '@hono/node-server'
import { Hono } from 'hono'
import { builtinNodeTypes } from '../../nodes/registry.ts'
import { systemClock } from '../../runtime/engine/defaults.ts'
import type { Clock } from '../../runtime/engine/types.ts'
import { authenticate } from '../auth/authenticate.ts'
import { requirePermission } from '../auth/require-permission.ts'
import type { AuthEnv } from '../auth/user.ts'
import { createCipher, loadSecretKey } from '../crypto/index.ts'
import { startCheckpointer } from '../db/checkpointer.ts'
import { openDatabase } from '../db/open.ts'
import { createMemoryEventBus } from '../events/memory-bus.ts'
import { countRequests } from '../metrics/handler.ts'
import { createMetrics } from '../metrics/metrics.ts'
import { createAdmission } from '../queue/admission.ts'
import { routeModules } from '../routes/index.ts'
import type { Runner } from '../runner/types.ts'
import { createScheduler, type Scheduler } from '../schedule/scheduler.ts'
import { groupCommit } from '../store/group-commit.ts'
import { createSqliteStores } from '../store/index.ts'
import { pruneAlerts } from '../store/sqlite-alert-retention.ts'
import { createAuthLookups } from './auth-adapters.ts'
import { createCaseServices } from './case-services.ts'
import { DEFAULTS, retentionFrom } from './config.ts'
import type { ServerConfig, ServerDeps } from './deps.ts'
import { createServerOnError } from './error-map.ts'
import { createLiveRegistry } from './live-registry.ts'
import { createLogger, type Logger } from './logger.ts'
import { createApiApp, serveOpenApiDocument } from './openapi.ts'
import { type OutsideWorld, outsideWorld } from './outside-world.ts'
import { loadPublishedTemplates } from './published-templates.ts'
import { createRetention } from './retention.ts'
import { buildRunner, type RunnerFactoryInput } from './runner-factory.ts'
import { publishedSchedules, scheduleFireStore } from './schedules.ts'
import { securityHeaders } from './security-headers.ts'
import { mountEditor } from './static-editor.ts'

/** Seams of `createServer`: all optional. */
export interface CreateServerOptions {
  clock?: Clock
  /** `BULWARK_*` settings (SMTP, HTTP allow list, secret key); default `process.env`. */
  env?: Record<string, string | undefined>
  log?: Logger
  /** Replaces the run worker (tests). */
  runner?: (input: RunnerFactoryInput) => Runner
  /** Where the built editor lives; default `dist/editor`. */
  editorDir?: string
  /** Runs executing at once. */
  concurrency?: number
}

/** A built server: the fetch handler, its dependencies, and its lifecycle. */
export interface BulwarkServer {
  app: Hono<AuthEnv>
  deps: ServerDeps
  /** Starts the runner and scheduler, then listens; resolves with the bound address. */
  start(): Promise<{ host: string; port: number }>
  /** Stops listening, lets the runner drain, stops the scheduler, closes the sandbox and the DB. */
  stop(): Promise<void>
}

/**
 * Assembles the server over `<dataDir>/bulwark.db` (its WAL checkpointed on a background thread):
 * stores (credentials encrypted with the key from `BULWARK_SECRET_KEY` or `<dataDir>/secret.key`),
 * the live node registry (built-ins + published templates), the runner, the scheduler, the case
 * services (alert intake, silence watcher, containment watch), and the Hono app with security
 * headers, request metrics, `authenticate` on `/api/*` (not the login) and `/metrics`, every route
 * module, the OpenAPI document, and the editor.
 * @example
 * const server = await createServer({ host: '127.0.0.1', port: 8080, dataDir: './data', webhookMaxBytes: 1 << 20, sessionTtlMs: 8 * 3600_000 })
 * await server.start()
 */
export async function createServer(
  config: ServerConfig,
  options: CreateServerOptions = {},
): Promise<BulwarkServer> {
  const clock = options.clock ?? systemClock
  const env = options.env ?? process.env
  const log = options.log ?? createLogger()
  const now = () => clock.now()
  const database = openDatabase({ dataDir: config.dataDir })
  const checkpointer = startCheckpointer(database.sqlite, {
    hold: () => groupCommit(database.sqlite).hold(),
    onError: (err) => log('error', 'WAL checkpoint', { error: describe(err) }),
  })
  const cipher = createCipher(loadSecretKey({ dataDir: config.dataDir, env }))
  const registry = createLiveRegistry(builtinNodeTypes)
  const stores = createSqliteStores(database.db, {
    cipher,
    now,
    reservedTemplateIds: builtinNodeTypes.map((t) => t.type),
  })
  await loadPublishedTemplates(stores.templates, registry, (msg) => log('warn', msg))
  const bus = createMemoryEventBus({
    onListenerError: (err) => log('error', 'event listener failed', { error: String(err) }),
  })
  const metrics = createMetrics({
    queueDepth: () => stores.runs.countQueued(),
  })
  const world: OutsideWorld = outsideWorld(env, stores.credentials.resolver())
  const runnerInput: RunnerFactoryInput = {
    stores,
    registry,
    bus,
    metrics,
    clock,
    world,
    concurrency: options.concurrency,
    log,
  }
  const runner = (options.runner ?? buildRunner)(runnerInput)
  const cases = createCaseServices({ db: database.db, stores, runner, bus, clock, log })
  const deps: ServerDeps = {
    stores,
    runner,
    bus,
    metrics,
    registry,
    clock,
    config,
    intake: cases.intake,
    rules: cases.rules,
    admission: createAdmission({
      limit: config.maxQueuedRuns ?? DEFAULTS.maxQueuedRuns,
      countQueued: () => stores.runs.countQueued(),
      now,
    }),
  }
  const scheduler: Scheduler = createScheduler({
    clock,
    fires: scheduleFireStore(database.db, now),
    list: publishedSchedules(stores.playbooks),
    onFire: async (playbookId, slot) => {
      const runId = await runner.enqueueRun({
        playbookId,
        mode: 'production',
        trigger: { scheduledAt: new Date(slot).toISOString(), firedAt: new Date(now()).toISOString() },
        requestedBy: 'schedule',
      })
      log('info', 'schedule fired', { playbookId, slot, runId })
    },
    onError: (err, s) => log('error', 'schedule failed', { playbookId: s.playbookId, error: String(err) }),
  })

  const retention = createRetention({
    ...retentionFrom(env),
    runs: stores.runs,
    alerts: { prune: (before) => pruneAlerts(database.db, before) },
    sqlite: database.sqlite,
    now,
    log,
  })

  const app = new Hono<AuthEnv>()
  app.onError(createServerOnError({ log: (err) => log('error', 'unhandled', { error: describe(err) }) }))
  app.use('*', securityHeaders())
  app.use('*', countRequests(metrics))
  const auth = authenticate({ ...createAuthLookups(database.db, { now }), now })
  app.use('/api/*', async (c, next) => (c.req.path === '/api/auth/login' ? next() : auth(c, next)))
  app.use('/metrics', auth)
  app.use('/api/openapi.json', requirePermission('playbook.read'))
  const api = createApiApp()
  for (const module of routeModules) api.route('/', module(deps))
  serveOpenApiDocument(api)
  app.route('/', api)
  app.notFound((c) => c.json({ error: { code: 'NOT_FOUND', message: 'no such route' } }, 404))
  mountEditor(app, options.editorDir ?? resolve('dist/editor'))

  let http: ServerType | undefined
  return {
    app,
    deps,
    async start() {
      await runner.start()
      scheduler.start()
      cases.start()
      await retention.start().catch((err) => log('error', 'retention failed', { error: describe(err) }))
      return new Promise((done, fail) => {
        http = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) =>
          done({ host: info.address, port: info.port }),
        )
        http.once('error', fail)
      })
    },
    async stop() {
      scheduler.stop()
      cases.stop()
      retention.stop()
      const closing = http ? new Promise<void>((done) => http?.close(() => done())) : Promise.resolve()
      await runner.stop()
      await world.sandbox.close()
      await Promise.race([closing, new Promise((r) => setTimeout(r, 2000))])
      await checkpointer.stop()
      if (database.sqlite.open) database.close()
    },
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err)
}
