import { and, eq, isNull, ne, or } from 'drizzle-orm'
import { triggerSilence } from '../../nodes/trigger/silence.ts'
import type { Db } from '../db/open.ts'
import { silenceWatches } from '../db/schema.ts'
import type { SilenceFired, SilenceStore, SilenceWatch } from '../silence/watcher.ts'
import type { PlaybookStore } from '../store/playbook-store.ts'
import type { AlertQueries } from '../store/sqlite-alert-queries.ts'
import { publishedTriggers } from './published-triggers.ts'

/**
 * The `trigger.silence` nodes of a playbook's JSON text (params parsed by the node type).
 * @example silencesOf('wazuh-down', json)[0] // { key: '["wazuh-down","quiet","wazuh",null,null]', source: 'wazuh', minutes: 30, … }
 */
export function silencesOf(playbookId: string, json: string): SilenceWatch[] {
  const doc = JSON.parse(json) as { nodes?: { id: string; type: string; params?: unknown }[] }
  const out: SilenceWatch[] = []
  for (const node of doc.nodes ?? []) {
    if (node.type !== 'trigger.silence') continue
    const p = triggerSilence.params.safeParse(node.params ?? {})
    if (!p.success) continue
    const key = JSON.stringify([playbookId, node.id, p.data.source, p.data.host ?? null, p.data.rule ?? null])
    out.push({ key, playbookId, ...p.data })
  }
  return out
}

/** The watcher's `list`: the silence triggers of each playbook's newest published version. */
export function publishedSilences(playbooks: PlaybookStore): () => Promise<SilenceWatch[]> {
  return publishedTriggers(playbooks, silencesOf)
}

/**
 * `silence_watches` as the watcher's store: `claim` is a conditional update, so a silence fires once
 * across restarts and processes.
 * @example createSilenceWatcher({ store: silenceStore(db, stores.alerts), ... })
 */
export function silenceStore(db: Db, alerts: Pick<AlertQueries, 'lastAlertAt'>): SilenceStore {
  return {
    arm(watch, now) {
      db.insert(silenceWatches)
        .values({ key: watch.key, playbookId: watch.playbookId, armedAt: now })
        .onConflictDoNothing()
        .run()
      return db
        .select({ armedAt: silenceWatches.armedAt })
        .from(silenceWatches)
        .where(eq(silenceWatches.key, watch.key))
        .get()!.armedAt
    },
    claim(watch, silentSince, now) {
      const r = db
        .update(silenceWatches)
        .set({ firedFor: silentSince, firedAt: now })
        .where(
          and(
            eq(silenceWatches.key, watch.key),
            or(isNull(silenceWatches.firedFor), ne(silenceWatches.firedFor, silentSince)),
          ),
        )
        .run()
      return r.changes === 1
    },
    lastAlertAt: (key) => alerts.lastAlertAt(key),
  }
}

/**
 * The trigger event of a fired silence: what `trigger.silence` outputs, times as ISO text.
 * @example runner.enqueueRun({ playbookId, mode: 'production', trigger: silenceEvent(watch, fired), requestedBy: 'silence' })
 */
export function silenceEvent(w: SilenceWatch, fired: SilenceFired) {
  const iso = (ms: number) => new Date(ms).toISOString()
  return {
    source: w.source,
    ...(w.host !== undefined ? { host: w.host } : {}),
    ...(w.rule !== undefined ? { rule: w.rule } : {}),
    minutes: w.minutes,
    silentSince: iso(fired.silentSince),
    lastAlertAt: fired.lastAlertAt === null ? null : iso(fired.lastAlertAt),
    firedAt: iso(fired.firedAt),
  }
}
