import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import type Database from 'better-sqlite3'

/** A running background checkpointer. */
export interface Checkpointer {
  /** Resolves once the thread has run its first checkpoint (it starts in the background). */
  readonly ready: Promise<void>
  /** Stops the thread (its connection closes); the connection checkpoints on its own again. */
  stop(): Promise<void>
}

export interface CheckpointerOptions {
  /** Pause between checkpoints. Default 200 ms. */
  everyMs?: number
  /** A failed checkpoint or a dead thread (the connection then checkpoints on its own again). */
  onError?: (err: unknown) => void
  /**
   * Holds the connection's commits until the returned release is called (the group commit's `hold`).
   * Without it the WAL restarts only when the writes pause on their own, so sustained load grows it
   * without bound.
   */
  hold?: () => () => void
  /** A log of at least this many frames is restarted (default 4096, about 16 MB of 4 KB pages). */
  restartAtFrames?: number
  /** The longest the commits are held for one restart (default 100 ms); past it they go on. */
  holdMaxMs?: number
}

/** What the thread reports after each checkpoint. */
interface Report {
  error?: string
  log?: number
  checkpointed?: number
}

/** While commits are held, the pause before another try when a reader kept the log's tail. */
const RETRY_MS = 2
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
  const everyMs = opts.everyMs ?? 200
  const worker = new Worker(new URL('./checkpoint-worker.mjs', import.meta.url), {
    workerData: {
      path: sqlite.name,
      everyMs,
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
  const restartAt = opts.restartAtFrames ?? 4096
  const holdMaxMs = opts.holdMaxMs ?? 100
  // The writes are held while the thread copies the log's tail: then the whole log is in the database
  // file, and SQLite's next commit writes the WAL from its beginning (and truncates it to the limit).
  let release: (() => void) | undefined
  let holdTimer: NodeJS.Timeout | undefined
  let retryTimer: NodeJS.Timeout | undefined
  // After a hold (restarted or timed out) the writes run for at least one period before the next.
  let heldUntil = 0
  const endHold = () => {
    clearTimeout(holdTimer)
    clearTimeout(retryTimer)
    if (release) heldUntil = Date.now()
    release?.()
    release = undefined
  }
  let isReady: () => void = () => {}
  const ready = new Promise<void>((resolve) => {
    isReady = resolve
  })
  worker.on('message', (m: Report) => {
    isReady()
    if (m?.error) onError(new Error(`WAL checkpoint failed: ${m.error}`))
    if (typeof m?.log !== 'number' || !opts.hold || stopping) return
    if (release) {
      // Not all copied: a reader still uses the log's tail. Ask again shortly, until the hold's end.
      if ((m.checkpointed ?? 0) >= m.log) endHold()
      else retryTimer = setTimeout(() => release && worker.postMessage('now'), RETRY_MS)
    } else if (m.log >= restartAt && Date.now() - heldUntil >= everyMs) {
      release = opts.hold()
      holdTimer = setTimeout(endHold, holdMaxMs)
      worker.postMessage('now')
    }
  })
  worker.on('error', (err) => {
    fallBack()
    onError(err)
  })
  worker.on('exit', () => {
    isReady()
    endHold()
    fallBack()
    if (!stopping) onError(new Error('the WAL checkpointer thread exited'))
  })
  worker.unref()
  return {
    ready,
    async stop() {
      if (stopping) return exited
      stopping = true
      endHold()
      worker.postMessage('stop')
      const timer = setTimeout(() => void worker.terminate(), 2000)
      await exited
      clearTimeout(timer)
    },
  }
}
