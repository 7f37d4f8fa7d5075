import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import type Database from 'better-sqlite3'

/** A running background checkpointer. */
export interface Checkpointer {
  /** Stops the thread (its connection closes); the connection checkpoints on its own again. */
  stop(): Promise<void>
}

export interface CheckpointerOptions {
  /** Pause between checkpoints. Default 200 ms. */
  everyMs?: number
  /** A failed checkpoint or a dead thread (the connection then checkpoints on its own again). */
  onError?: (err: unknown) => void
}

/** The WAL size SQLite checkpoints at on its own (its default), restored if the thread goes away. */
const AUTO_CHECKPOINT_PAGES = 1000
/** The WAL file is truncated to this after a reset, so one burst does not keep a large file. */
const WAL_SIZE_LIMIT = 64 * 1024 * 1024

/**
 * Moves WAL checkpoints off the event loop: `sqlite` stops checkpointing at commit (each one copies
 * pages into the database file and fsyncs, which stalled every request behind it) and a worker thread
 * checkpoints every `everyMs` on its own connection. Durability is unchanged: commits still go to the
 * WAL exactly as before. Should the thread die, the connection checkpoints at commit again.
 * @example const checkpointer = startCheckpointer(database.sqlite); await checkpointer.stop()
 */
export function startCheckpointer(sqlite: Database.Database, opts: CheckpointerOptions = {}): Checkpointer {
  const onError = opts.onError ?? (() => {})
  const worker = new Worker(new URL('./checkpoint-worker.mjs', import.meta.url), {
    workerData: {
      path: sqlite.name,
      everyMs: opts.everyMs ?? 200,
      resolveFrom: createRequire(import.meta.url).resolve('better-sqlite3'),
    },
    resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 },
  })
  let stopping = false
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
  sqlite.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT}`)
  sqlite.pragma('wal_autocheckpoint = 0')
  const fallBack = () => {
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`)
  }
  worker.on('message', (m: { error?: string }) => {
    if (m?.error) onError(new Error(`WAL checkpoint failed: ${m.error}`))
  })
  worker.on('error', (err) => {
    fallBack()
    onError(err)
  })
  worker.on('exit', () => {
    fallBack()
    if (!stopping) onError(new Error('the WAL checkpointer thread exited'))
  })
  worker.unref()
  return {
    async stop() {
      if (stopping) return exited
      stopping = true
      worker.postMessage('stop')
      const timer = setTimeout(() => void worker.terminate(), 2000)
      await exited
      clearTimeout(timer)
    },
  }
}
