import type { AlertSource } from '../../nodes/trigger/alert/shape.ts'
import { triggerAlert } from '../../nodes/trigger/alert.ts'
import type { Grouping } from '../../nodes/trigger/grouping.ts'
import { triggerWebhook } from '../../nodes/trigger/webhook.ts'
import type { PlaybookStore } from '../store/playbook-store.ts'

/** What the intake needs of a playbook's alert or webhook trigger. */
export interface AlertTrigger {
  format: 'auto' | AlertSource
  grouping?: Grouping
}

interface LooseNode {
  type?: unknown
  params?: unknown
}

/**
 * The alert trigger of a playbook's JSON text: its first `trigger.alert` or `trigger.webhook` node,
 * params parsed by the node type's own schema. Undefined for other triggers (schedule, manual, …).
 * @example alertTriggerOf(version.json)?.grouping?.windowMinutes
 */
export function alertTriggerOf(json: string): AlertTrigger | undefined {
  const doc = JSON.parse(json) as { nodes?: LooseNode[] }
  for (const node of doc.nodes ?? []) {
    if (node.type === 'trigger.alert') {
      const p = triggerAlert.params.safeParse(node.params ?? {})
      return p.success ? p.data : { format: 'auto' }
    }
    if (node.type === 'trigger.webhook') {
      const p = triggerWebhook.params.safeParse(node.params ?? {})
      return { format: 'auto', ...(p.success && p.data.grouping ? { grouping: p.data.grouping } : {}) }
    }
  }
  return undefined
}

/** The version a run will execute and its alert trigger (undefined when it has none). */
export interface RunTarget {
  version: number | null
  trigger: AlertTrigger | undefined
}

const CACHE_LIMIT = 1000

/**
 * Finds the version a run request will execute, as the runner picks it (production: the newest
 * published; test: the given version or the draft), and its alert trigger. Published versions are
 * immutable, so they are parsed once and cached by `id@version`; drafts are read every time.
 * Undefined when there is nothing to run: the runner then gives the proper error.
 * @example const target = await targets.of({ playbookId: 'triage', mode: 'production' })
 */
export function createRunTargets(playbooks: PlaybookStore) {
  const cache = new Map<string, AlertTrigger | undefined>()

  async function ofVersion(id: string, version: number): Promise<RunTarget | undefined> {
    const key = `${id}@${version}`
    if (!cache.has(key)) {
      const json = (await playbooks.getVersion(id, version))?.json
      if (json === undefined) return undefined
      if (cache.size >= CACHE_LIMIT) cache.clear()
      cache.set(key, alertTriggerOf(json))
    }
    return { version, trigger: cache.get(key) }
  }

  return {
    async of(req: { playbookId: string; mode: string; version?: number }): Promise<RunTarget | undefined> {
      if (req.version !== undefined) return ofVersion(req.playbookId, req.version)
      if (req.mode === 'production') {
        const latest = (await playbooks.head(req.playbookId))?.latestVersion
        return latest == null ? undefined : ofVersion(req.playbookId, latest)
      }
      const draft = await playbooks.getDraft(req.playbookId)
      return draft && { version: null, trigger: alertTriggerOf(draft.json) }
    },
  }
}
