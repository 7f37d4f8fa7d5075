import type { Playbook } from '../../runtime/format/schema.ts'
import { NodeError, type NodeRegistry, type PlaybookLoader, type RunMode } from '../../runtime/node-type.ts'
import type { PlaybookStore } from '../store/playbook-store.ts'
import { RunnerError } from './errors.ts'
import { parseStoredPlaybook } from './parse-stored.ts'
import type { PublishedPlaybooks } from './published-playbooks.ts'

/** Which playbook a run executes: a published version, or the draft (test runs only). */
export interface PlaybookRef {
  playbookId: string
  version: number | null
  mode: RunMode
}

/** Where runs get their playbooks: drafts from the store, published versions through the cache. */
export interface PlaybookSource {
  playbooks: PlaybookStore
  registry: NodeRegistry
  published: PublishedPlaybooks
}

/**
 * The playbook a run executes, validated against the registry. Production runs execute published
 * versions only: a production run without a version is refused (`NOT_PUBLISHED`), never given the draft.
 * @example const playbook = await loadRunPlaybook(source, { playbookId: 'triage', version: 3, mode: 'production' })
 */
export async function loadRunPlaybook(source: PlaybookSource, ref: PlaybookRef): Promise<Playbook> {
  const { playbookId: id, version, mode } = ref
  if (version !== null) {
    const playbook = await source.published.get(id, version)
    if (!playbook) throw new RunnerError('NOT_FOUND', `playbook "${id}" has no version ${version}`)
    return playbook
  }
  if (mode === 'production')
    throw new RunnerError(
      'NOT_PUBLISHED',
      `production runs execute published versions only, and this run of "${id}" names none`,
    )
  const json = (await source.playbooks.getDraft(id))?.json
  if (json === undefined) throw new RunnerError('NOT_FOUND', `playbook "${id}" does not exist`)
  return parseStoredPlaybook(json, source.registry, `the draft of "${id}"`)
}

/**
 * The engine's loader for sub-playbook calls: production runs call published versions (the newest
 * when the node pins none); test runs may call drafts.
 * @example createEngine({ registry, playbooks: createPlaybookLoader(source, 'production') })
 */
export function createPlaybookLoader(source: PlaybookSource, mode: RunMode): PlaybookLoader {
  return {
    async load(id, version) {
      try {
        if (version === undefined && mode !== 'production') {
          const json = (await source.playbooks.getDraft(id))?.json
          return json === undefined ? undefined : parseStoredPlaybook(json, source.registry, `"${id}"`)
        }
        const pinned = version ?? (await source.playbooks.getVersion(id))?.version
        return pinned === undefined ? undefined : await source.published.get(id, pinned)
      } catch (err) {
        if (!(err instanceof RunnerError) || err.code !== 'INVALID_PLAYBOOK') throw err
        throw new NodeError('INVALID_PLAYBOOK', err.message, { retryable: false })
      }
    },
  }
}
