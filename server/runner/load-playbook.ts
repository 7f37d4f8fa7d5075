import type { Playbook } from '../../runtime/format/schema.ts'
import { parsePlaybook } from '../../runtime/format/validate.ts'
import { NodeError, type NodeRegistry, type PlaybookLoader, type RunMode } from '../../runtime/node-type.ts'
import type { PlaybookStore } from '../store/playbook-store.ts'
import { RunnerError } from './errors.ts'

/** Which playbook a run executes: a published version, or the draft (test runs only). */
export interface PlaybookRef {
  playbookId: string
  version: number | null
  mode: RunMode
}

/**
 * The playbook a run executes, validated against the registry. Production runs execute published
 * versions only: a production run without a version is refused (`NOT_PUBLISHED`), never given the draft.
 * @example const playbook = await loadRunPlaybook(stores.playbooks, registry, { playbookId: 'triage', version: 3, mode: 'production' })
 */
export async function loadRunPlaybook(
  playbooks: PlaybookStore,
  registry: NodeRegistry,
  ref: PlaybookRef,
): Promise<Playbook> {
  const { playbookId: id, version, mode } = ref
  let json: string | undefined
  if (version !== null) {
    json = (await playbooks.getVersion(id, version))?.json
    if (json === undefined) throw new RunnerError('NOT_FOUND', `playbook "${id}" has no version ${version}`)
  } else {
    if (mode === 'production')
      throw new RunnerError(
        'NOT_PUBLISHED',
        `production runs execute published versions only, and this run of "${id}" names none`,
      )
    json = (await playbooks.getDraft(id))?.json
    if (json === undefined) throw new RunnerError('NOT_FOUND', `playbook "${id}" does not exist`)
  }
  return parseStored(json, registry, version === null ? `the draft of "${id}"` : `"${id}" version ${version}`)
}

/**
 * The engine's loader for sub-playbook calls: production runs call published versions (the newest
 * when the node pins none); test runs may call drafts.
 * @example createEngine({ registry, playbooks: createPlaybookLoader(stores.playbooks, registry, 'production') })
 */
export function createPlaybookLoader(
  playbooks: PlaybookStore,
  registry: NodeRegistry,
  mode: RunMode,
): PlaybookLoader {
  return {
    async load(id, version) {
      const json =
        version !== undefined || mode === 'production'
          ? (await playbooks.getVersion(id, version))?.json
          : (await playbooks.getDraft(id))?.json
      if (json === undefined) return undefined
      try {
        return parseStored(json, registry, `"${id}"`)
      } catch (err) {
        throw new NodeError('INVALID_PLAYBOOK', (err as Error).message, { retryable: false })
      }
    },
  }
}

function parseStored(json: string, registry: NodeRegistry, what: string): Playbook {
  const result = parsePlaybook(json, { registry })
  if (result.ok && result.playbook) return result.playbook
  const first = result.problems.find((p) => p.severity !== 'warning') ?? result.problems[0]
  const detail = first ? `: ${first.path} ${first.message}` : ''
  throw new RunnerError('INVALID_PLAYBOOK', `${what} does not validate${detail}`)
}
