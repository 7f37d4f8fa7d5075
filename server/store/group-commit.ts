import type Database from 'better-sqlite3'
import { perConnection } from '../db/per-connection.ts'

/** Writes of one connection committed together: what is submitted in one tick shares a transaction. */
export interface GroupCommit {
  /**
   * Runs `write` in the next shared transaction, in its own savepoint (if it throws, only its changes
   * are undone and only its promise rejects); resolves with its result once the transaction commits.
   * Writes run in submission order. `write` must be synchronous and must serialise nothing that may
   * change meanwhile: take copies when submitting.
   */
  submit<T>(write: () => T): Promise<T>
  /** Commits what is pending now (e.g. before closing the connection), held or not. */
  flush(): void
  /**
   * Holds the shared commits (writes queue meanwhile, nothing is lost or reordered) until the
   * returned release is called: the WAL checkpointer uses it to let a checkpoint reach the end of
   * the log, so the next commit restarts the WAL from its beginning. Holds nest; release is idempotent.
   */
  hold(): () => void
}

export interface GroupCommitOptions {
  /** Defers the shared commit to the end of the current tick (default `setImmediate`). */
  schedule?: (fn: () => void) => void
}

interface Pending {
  write: () => unknown
  resolve(value: unknown): void
  reject(err: unknown): void
}

type Outcome = { ok: true; value: unknown } | { ok: false; err: unknown }

/**
 * Group commit over one better-sqlite3 connection: every commit costs a WAL append and lock round
 * trip whatever its size, so the writes that many runs and requests submit in one event-loop tick go
 * into one `BEGIN IMMEDIATE … COMMIT`. Nothing is acknowledged before it is committed.
 * @example const writes = createGroupCommit(sqlite); const row = await writes.submit(() => insert.get(values))
 */
export function createGroupCommit(sqlite: Database.Database, opts: GroupCommitOptions = {}): GroupCommit {
  const schedule = opts.schedule ?? setImmediate
  let pending: Pending[] = []
  let holds = 0
  // Nested in the shared transaction, better-sqlite3 runs this in a SAVEPOINT.
  const savepoint = sqlite.transaction((write: () => unknown) => write())
  const all = sqlite.transaction((writes: Pending[]) =>
    writes.map((w): Outcome => {
      try {
        return { ok: true, value: savepoint(w.write) }
      } catch (err) {
        // Some errors (I/O, a full disk) roll the whole transaction back: then nothing may commit.
        if (!sqlite.inTransaction) throw err
        return { ok: false, err }
      }
    }),
  )

  const flush = () => {
    const writes = pending
    pending = []
    if (writes.length === 0) return
    let outcomes: Outcome[]
    try {
      outcomes = all.immediate(writes)
    } catch (err) {
      for (const w of writes) w.reject(err)
      return
    }
    writes.forEach((w, i) => {
      const o = outcomes[i]!
      if (o.ok) w.resolve(o.value)
      else w.reject(o.err)
    })
  }

  // A scheduled commit waits while held; the release schedules it again.
  const scheduledFlush = () => {
    if (holds === 0) flush()
  }

  return {
    submit<T>(write: () => T) {
      return new Promise<T>((resolve, reject) => {
        if (pending.length === 0) schedule(scheduledFlush)
        pending.push({ write, resolve: resolve as (v: unknown) => void, reject })
      })
    },
    flush,
    hold() {
      holds++
      let released = false
      return () => {
        if (released) return
        released = true
        holds--
        if (holds === 0 && pending.length > 0) schedule(scheduledFlush)
      }
    },
  }
}

/**
 * The group commit of a connection, shared by every store on it (one per connection, so the writes
 * of all stores coalesce).
 * @example const writes = groupCommit(db.$client)
 */
export const groupCommit: (sqlite: Database.Database) => GroupCommit = perConnection(createGroupCommit)
