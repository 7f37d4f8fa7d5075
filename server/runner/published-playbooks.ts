import type { Playbook } from '../../runtime/format/schema.ts'
import { deepFreeze } from '../../runtime/json/deep-freeze.ts'
import type { NodeRegistry } from '../../runtime/node-type.ts'
import { createLru } from '../store/lru.ts'
import type { PlaybookStore } from '../store/playbook-store.ts'
import { parseStoredPlaybook } from './parse-stored.ts'

/** Published versions ready to run, parsed once. */
export interface PublishedPlaybooks {
  /**
   * Version `version` of `id` parsed, validated and deep-frozen; undefined when there is no such
   * version. Throws `INVALID_PLAYBOOK` when it does not validate (that answer is not kept).
   */
  get(id: string, version: number): Promise<Playbook | undefined>
}

/** Versions kept by default. */
export const PUBLISHED_CACHE_SIZE = 256

/**
 * A bounded LRU cache of parsed published versions by (playbook, version). Published versions are
 * immutable (the database refuses to change one) and the registry only grows, so a version that
 * validated once stays valid; failures are parsed again next time (a template published meanwhile
 * may fix them). The playbook is frozen, so no run can change what the next one executes; concurrent
 * first loads share one parse.
 * @example const published = createPublishedPlaybooks(stores.playbooks, registry); await published.get('triage', 3)
 */
export function createPublishedPlaybooks(
  playbooks: Pick<PlaybookStore, 'getVersion'>,
  registry: NodeRegistry,
  opts: { max?: number } = {},
): PublishedPlaybooks {
  const cache = createLru<string, Promise<Playbook | undefined>>(opts.max ?? PUBLISHED_CACHE_SIZE)
  const load = async (id: string, version: number) => {
    const json = (await playbooks.getVersion(id, version))?.json
    if (json === undefined) return undefined
    return deepFreeze(parseStoredPlaybook(json, registry, `"${id}" version ${version}`))
  }
  return {
    get(id, version) {
      const key = `${version}\0${id}`
      let found = cache.get(key)
      if (!found) {
        found = load(id, version)
        cache.set(key, found)
        // Only a parsed version stays: an absent or invalid one is looked up again next time.
        found.then(
          (p) => p === undefined && cache.delete(key),
          () => cache.delete(key),
        )
      }
      return found
    },
  }
}
