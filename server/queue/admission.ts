/** The queue's room for new runs: webhooks and run requests ask before they queue. */
export interface Admission {
  /**
   * Whether `count` more runs may be queued now. When the queue holds `limit` runs or more the answer
   * is no, with the count seen and how long a sender should wait before trying again.
   */
  admit(count: number): Promise<AdmitResult>
}

export type AdmitResult =
  | { ok: true }
  | { ok: false; queued: number; limit: number; retryAfterSeconds: number }

export interface AdmissionOptions {
  /** Most runs queued at once (not yet claimed by a worker); 0 turns the limit off. */
  limit: number
  /** Counts the queued runs in the store. */
  countQueued(): Promise<number>
  now(): number
  /** How long a count is trusted while runs are admitted on top of it (default 1 s). */
  refreshMs?: number
}

/** What a refused sender is told to wait: a full queue drains in seconds, not milliseconds. */
const RETRY_AFTER_SECONDS = 5
/** A refusal recounts when the count is older than this (a flood of refusals counts 10 times a second). */
const RECHECK_MS = 100

/**
 * Bounds the backlog under overload: when runs arrive faster than workers finish them, the queue
 * (and the database file, since retention never deletes queued runs) would grow without end, and an
 * alert would wait hours. Past the limit a sender is refused, so it retries later, rather than
 * accepted into a backlog. Counting the queue on every request would cost a query each, so the count
 * is refreshed at most every `refreshMs`, and runs admitted since are added to it; a refusal rests on
 * a count at most 100 ms old, so a drained queue is seen at once. The limit holds to within the runs
 * admitted but not yet committed at the moment of a count (one event-loop tick's worth).
 * @example const admission = createAdmission({ limit: 100_000, countQueued: () => runs.countQueued(), now: Date.now })
 */
export function createAdmission(opts: AdmissionOptions): Admission {
  const refreshMs = opts.refreshMs ?? 1000
  let counted = 0
  let countedAt = Number.NEGATIVE_INFINITY
  let admittedSince = 0
  let counting: Promise<void> | undefined

  const recount = () => {
    counting ??= opts
      .countQueued()
      .then((n) => {
        counted = n
        countedAt = opts.now()
        admittedSince = 0
      })
      .finally(() => {
        counting = undefined
      })
    return counting
  }

  const fits = (count: number) => counted + admittedSince + count <= opts.limit

  return {
    async admit(count) {
      if (opts.limit <= 0 || count <= 0) return { ok: true }
      if (opts.now() - countedAt >= refreshMs) await recount()
      // The estimate only grows between counts: check a refusal against a recent count.
      if (!fits(count) && opts.now() - countedAt >= RECHECK_MS) await recount()
      if (!fits(count))
        return {
          ok: false,
          queued: counted + admittedSince,
          limit: opts.limit,
          retryAfterSeconds: RETRY_AFTER_SECONDS,
        }
      admittedSince += count
      return { ok: true }
    },
  }
}
