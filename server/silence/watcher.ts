import type { Clock } from '../../runtime/engine/types.ts'
import { createPoller, type Poller } from '../schedule/poller.ts'
import type { SourceKey } from '../store/sqlite-alert-queries.ts'

/** A `trigger.silence` node of a published playbook. */
export interface SilenceWatch extends SourceKey {
  /** Stable per playbook, node and source key (not minutes: a longer wait never refires a silence). */
  key: string
  playbookId: string
  minutes: number
}

/** What a fired silence tells the run (`trigger.silence`'s output, as ISO times). */
export interface SilenceFired {
  silentSince: number
  lastAlertAt: number | null
  firedAt: number
}

/** The watcher's memory, in the database so a restart never refires a silence. */
export interface SilenceStore {
  /** When the watch was first seen (recorded now if it is new). */
  arm(watch: SilenceWatch, now: number): number
  /** True only the first time a silence (identified by its start) is claimed for the watch. */
  claim(watch: SilenceWatch, silentSince: number, now: number): boolean
  /** Arrival of the newest production alert with the watch's source key. */
  lastAlertAt(key: SourceKey): number | undefined
}

export interface SilenceWatcherOptions {
  clock: Clock
  store: SilenceStore
  /** The current watches; read on every check, so publishing takes effect without a restart. */
  list(): SilenceWatch[] | Promise<SilenceWatch[]>
  onFire(watch: SilenceWatch, fired: SilenceFired): void | Promise<void>
  /** Default 15 s. */
  pollMs?: number
  onError?: (err: unknown, watch?: SilenceWatch) => void
}

/**
 * Fires a silence watch when no alert with its source key arrived for `minutes`. A silence starts
 * at the last such alert (or when the watch was armed, if none came since): it fires once, and a
 * new alert starts the next silence, which fires again after another `minutes` of quiet.
 * @example createSilenceWatcher({ clock, store, list: publishedSilences(stores.playbooks), onFire: startRun }).start()
 */
export function createSilenceWatcher(opts: SilenceWatcherOptions): Poller {
  const onError = opts.onError ?? ((err, w) => console.error(`silence watch ${w?.key ?? ''}:`, err))

  async function checkOne(w: SilenceWatch, now: number) {
    const armedAt = opts.store.arm(w, now)
    const last = opts.store.lastAlertAt(w)
    const silentSince = last ?? armedAt
    if (now - silentSince < w.minutes * 60_000) return
    if (!opts.store.claim(w, silentSince, now)) return
    await opts.onFire(w, { silentSince, lastAlertAt: last ?? null, firedAt: now })
  }

  return createPoller({
    clock: opts.clock,
    pollMs: opts.pollMs ?? 15_000,
    onError: (err) => onError(err),
    async check() {
      const now = opts.clock.now()
      for (const w of await opts.list()) {
        try {
          await checkOne(w, now)
        } catch (err) {
          onError(err, w)
        }
      }
    },
  })
}
