import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import * as schema from './schema.ts'

/** The drizzle handle over the server's schema, with its raw connection as `$client`. */
export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database }

/** An open database: the drizzle handle, the raw connection, and a way to close both. */
export interface OpenDatabase {
  db: Db
  sqlite: Database.Database
  /** The database file's path. */
  path: string
  close(): void
}

export interface OpenDatabaseOptions {
  /** Created if missing; the database is `<dataDir>/bulwark.db`. */
  dataDir: string
  /** Defaults to `bulwark.db`. */
  fileName?: string
}

/** The committed SQL migrations (`npm run db:generate`). */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url))

/**
 * Opens (or creates) the server's SQLite database and applies pending migrations. WAL lets readers
 * (SSE replays, lists) run while a worker writes; `synchronous = NORMAL` is durable across process
 * crashes in WAL mode (only an OS crash can lose the last transactions).
 * @example const { db, close } = openDatabase({ dataDir: './data' })
 */
export function openDatabase(opts: OpenDatabaseOptions): OpenDatabase {
  mkdirSync(opts.dataDir, { recursive: true })
  const path = join(opts.dataDir, opts.fileName ?? 'bulwark.db')
  const sqlite = new Database(path)
  try {
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('busy_timeout = 5000')
    sqlite.pragma('synchronous = NORMAL')
    // better-sqlite3 builds SQLite with a 16 MB page cache per connection; 4 MB keeps the hot pages
    // (queue index, appended rows) and the OS page cache serves the rest at no measurable cost.
    sqlite.pragma('cache_size = -4000')
    const db = drizzle(sqlite, { schema })
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER })
    return { db, sqlite, path, close: () => sqlite.close() }
  } catch (err) {
    sqlite.close()
    throw err
  }
}
