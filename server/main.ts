// First: zod-openapi adds `.openapi()` only to zod schemas created after it loads (zod 4 builds
// methods per instance), and route modules call it on schemas from runtime/format.
import '@hono/zod-openapi'
import { fileURLToPath } from 'node:url'
import { eq } from 'drizzle-orm'
import { ensureAdmin, importExamples } from './app/bootstrap.ts'
import { configFrom } from './app/config.ts'
import { createServer } from './app/create-server.ts'
import { createLogger } from './app/logger.ts'
import { openDatabase } from './db/open.ts'
import { settings } from './db/schema.ts'

/**
 * `bulwark-server`: builds the server from flags and env, creates the first admin (a generated
 * password is printed once to stdout, never logged), imports the examples on the first start,
 * listens, and shuts down gracefully on SIGINT/SIGTERM. Logs are JSON lines on stderr.
 */
const EXAMPLES_KEY = 'examples_imported'
const log = createLogger()

async function main(): Promise<void> {
  const config = configFrom(process.argv.slice(2), process.env)
  const server = await createServer(config, { log })
  const { stores, registry } = server.deps

  const admin = await ensureAdmin(stores, process.env)
  if (admin?.generatedPassword) {
    process.stdout.write(
      `\nFirst start: created the admin user "${admin.username}" with the password\n\n    ${admin.generatedPassword}\n\nIt is shown only this once. Log in and change it.\n\n`,
    )
  } else if (admin)
    log('info', 'created the first admin from BULWARK_ADMIN_USER/PASSWORD', { user: admin.username })

  // A second connection for the one-off flag, so create-server keeps its Db to itself.
  const flagDb = openDatabase({ dataDir: config.dataDir })
  try {
    const imported = await importExamples(
      stores,
      registry,
      fileURLToPath(new URL('../examples/playbooks', import.meta.url)),
      log,
      () => flagDb.db.select().from(settings).where(eq(settings.key, EXAMPLES_KEY)).get() !== undefined,
      () =>
        void flagDb.db
          .insert(settings)
          .values({ key: EXAMPLES_KEY, value: true })
          .onConflictDoNothing()
          .run(),
    )
    if (imported.length > 0) log('info', 'imported example playbooks', { playbooks: imported })
  } finally {
    flagDb.close()
  }

  const { host, port } = await server.start()
  const shown = host.includes(':') ? `[${host}]` : host
  log('info', 'listening', { url: `http://${shown}:${port}`, dataDir: config.dataDir })
  process.stdout.write(`Bulwark listening on http://${shown}:${port}\n`)

  let stopping = false
  const shutdown = (signal: string) => {
    if (stopping) return
    stopping = true
    log('info', 'shutting down', { signal })
    server
      .stop()
      .then(() => process.exit(0))
      .catch((err) => {
        log('error', 'shutdown failed', { error: String(err) })
        process.exit(1)
      })
  }
  process.on('SIGINT', () => shutdown('SIGINT'))
  process.on('SIGTERM', () => shutdown('SIGTERM'))
}

main().catch((err) => {
  log('error', 'failed to start', { error: err instanceof Error ? err.message : String(err) })
  process.exit(1)
})
