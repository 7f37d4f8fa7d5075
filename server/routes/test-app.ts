import { randomBytes } from 'node:crypto'
import { Hono } from 'hono'
import { builtinNodeTypes } from '../../nodes/registry.ts'
import { systemClock } from '../../runtime/engine/defaults.ts'
import type { Playbook, PlaybookNode } from '../../runtime/format/schema.ts'
import { createCaseServices } from '../app/case-services.ts'
import type { ServerDeps } from '../app/deps.ts'
import { createServerOnError } from '../app/error-map.ts'
import { createLiveRegistry } from '../app/live-registry.ts'
import { silentLogger } from '../app/logger.ts'
import { createApiApp, serveOpenApiDocument } from '../app/openapi.ts'
import { authenticate } from '../auth/authenticate.ts'
import { ROLES, type Role } from '../auth/roles.ts'
import { fakeAuthStores } from '../auth/test-fakes.ts'
import type { AuthEnv } from '../auth/user.ts'
import { caseActionsFor } from '../cases/case-actions.ts'
import { createCipher, secretKeyFrom } from '../crypto/index.ts'
import { tempDatabase } from '../db/test-db.ts'
import { createMemoryEventBus } from '../events/memory-bus.ts'
import { createMetrics } from '../metrics/metrics.ts'
import { createAdmission } from '../queue/admission.ts'
import { createRunQueue } from '../queue/run-queue.ts'
import { createRunner } from '../runner/index.ts'
import { createSqliteStores } from '../store/index.ts'
import { approvalRoutes } from './approvals.ts'
import { caseRoutes } from './cases.ts'
import { hookRoutes } from './hooks.ts'
import { webhookSecretRoutes } from './hooks-secret.ts'
import { kpiRoutes } from './metrics-kpis.ts'
import { playbookRoutes } from './playbooks.ts'
import { playbookVersionRoutes } from './playbooks-versions.ts'
import { ruleRoutes } from './rules.ts'
import { runEventRoutes } from './run-events.ts'
import { runRoutes } from './runs.ts'

/** The webhook body limit of the test app (small, so the 413 test stays cheap). */
export const TEST_WEBHOOK_MAX_BYTES = 64 * 1024

/** A node of a test playbook. */
export const node = (id: string, type: string, params: Record<string, unknown> = {}): PlaybookNode => ({
  id,
  type,
  version: 1,
  params,
})

/** A valid playbook: a manual trigger `start` followed by `nodes` in a chain. */
export function chain(
  id: string,
  nodes: PlaybookNode[] = [node('set', 'transform.set', { values: { a: 1 } })],
) {
  const all = [node('start', 'trigger.manual'), ...nodes]
  const edges = all.slice(1).map((n, i) => ({ from: all[i]!.id, to: n.id }))
  return { format: 'bulwark.playbook/2', id, name: `Playbook ${id}`, nodes: all, edges } satisfies Playbook
}

/**
 * The route modules of playbooks, runs, run events, approvals, hooks, cases, rules and KPIs over a real temporary SQLite
 * database, the builtin node registry, a memory bus and the real runner (engine without a sandbox).
 * Each role has a bearer token `tok-<role>` whose user is named after the role; `tok-alice` is a
 * responder named `alice`. `maxQueuedRuns` limits the queue (none by default). Call `close()` after the tests.
 * @example const t = await createTestApp(); const res = await t.call('analyst', 'GET', '/api/playbooks')
 */
export async function createTestApp(opts: { maxQueuedRuns?: number } = {}) {
  const db = tempDatabase()
  const registry = createLiveRegistry(builtinNodeTypes)
  const stores = createSqliteStores(db.db, { cipher: createCipher(secretKeyFrom(randomBytes(32), 'env')) })
  const bus = createMemoryEventBus()
  const metrics = createMetrics({ defaultMetrics: false })
  const runner = createRunner({
    stores,
    queue: createRunQueue(stores.runs),
    registry,
    bus,
    engineDeps: { casesFor: (runId) => caseActionsFor(stores.cases, runId) },
    pollMs: 60_000,
    drainMs: 200,
    onError: () => {},
  })
  const cases = createCaseServices({
    db: db.db,
    stores,
    runner,
    bus,
    clock: systemClock,
    log: silentLogger,
  })
  const deps: ServerDeps = {
    stores,
    runner,
    bus,
    metrics,
    registry,
    clock: systemClock,
    config: {
      host: '127.0.0.1',
      port: 0,
      dataDir: db.dataDir,
      webhookMaxBytes: TEST_WEBHOOK_MAX_BYTES,
      sessionTtlMs: 3_600_000,
    },
    intake: cases.intake,
    rules: cases.rules,
    admission: createAdmission({
      limit: opts.maxQueuedRuns ?? 0,
      countQueued: () => stores.runs.countQueued(),
      now: Date.now,
      // Counted at every request: tests change the queue between requests.
      refreshMs: 0,
    }),
  }
  const auth = fakeAuthStores()
  for (const role of ROLES) auth.addToken(`tok-${role}`, { id: `u-${role}`, username: role, role })
  auth.addToken('tok-alice', { id: 'u-alice', username: 'alice', role: 'responder' })

  const api = createApiApp()
  for (const module of [
    playbookRoutes,
    playbookVersionRoutes,
    webhookSecretRoutes,
    runRoutes,
    runEventRoutes,
    approvalRoutes,
    hookRoutes,
    caseRoutes,
    ruleRoutes,
    kpiRoutes,
  ])
    api.route('/', module(deps))
  serveOpenApiDocument(api)
  const app = new Hono<AuthEnv>()
  app.onError(createServerOnError({ log: (err) => console.error(err) }))
  app.use('/api/*', authenticate(auth))
  app.route('/', api)
  await runner.start()
  cases.start()

  /** A request as `who` (a role, or `alice`), with a JSON body when given. */
  function call(who: Role | 'alice' | null, method: string, path: string, body?: unknown, headers = {}) {
    const h: Record<string, string> = { ...headers }
    if (who) h.authorization = `Bearer tok-${who}`
    if (body !== undefined) h['content-type'] = 'application/json'
    return app.request(path, {
      method,
      headers: h,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    })
  }

  /** Polls the run until it reaches one of `statuses`. */
  async function untilRun(runId: string, statuses: string[], ms = 5000) {
    const end = Date.now() + ms
    for (;;) {
      const run = await stores.runs.get(runId)
      if (run && statuses.includes(run.status)) return run
      if (Date.now() > end) throw new Error(`run ${runId} is ${run?.status}, not ${statuses.join('/')}`)
      await new Promise((r) => setTimeout(r, 5))
    }
  }

  return {
    app,
    deps,
    call,
    untilRun,
    async close() {
      cases.stop()
      await runner.stop()
      db.cleanup()
    },
  }
}
