import type { PlaybookStore } from '../store/playbook-store.ts'

/**
 * A list of the triggers of each playbook's newest published version (drafts never fire), for the
 * scheduler and the silence watcher. `extract` reads a version's JSON text; its result is cached by
 * `id@version`, which is immutable, and dropped once that version is no longer the newest.
 * @example createScheduler({ list: publishedTriggers(stores.playbooks, schedulesOf), ... })
 */
export function publishedTriggers<T>(
  playbooks: Pick<PlaybookStore, 'list' | 'getVersion'>,
  extract: (playbookId: string, json: string) => T[],
): () => Promise<T[]> {
  const cache = new Map<string, T[]>()
  return async () => {
    const out: T[] = []
    const live = new Set<string>()
    for (const p of await playbooks.list()) {
      if (p.latestVersion === null) continue
      const key = `${p.id}@${p.latestVersion}`
      live.add(key)
      let found = cache.get(key)
      if (!found) {
        const json = (await playbooks.getVersion(p.id, p.latestVersion))?.json
        found = json ? extract(p.id, json) : []
        cache.set(key, found)
      }
      out.push(...found)
    }
    for (const key of cache.keys()) if (!live.has(key)) cache.delete(key)
    return out
  }
}
