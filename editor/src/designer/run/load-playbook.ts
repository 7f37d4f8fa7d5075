import type { Playbook } from '../../../../runtime/format/schema.ts'
import { validatePlaybook } from '../../../../runtime/format/validate.ts'
import type { NodeRegistry } from '../../../../runtime/node-type.ts'
import { getDraftDocument, getVersionDocument } from './run-api.ts'

/**
 * Reads a stored playbook document for display: migrated to the current format and checked against
 * the schema. A document with graph or node problems still opens (it is only shown); one that does
 * not match the schema at all throws with the first problem.
 * @example const playbook = toPlaybook(raw, registry)
 */
export function toPlaybook(raw: unknown, registry?: NodeRegistry): Playbook {
  const result = validatePlaybook(raw, registry ? { registry } : {})
  if (result.playbook) return result.playbook
  const first = result.problems[0]
  throw new Error(`This playbook cannot be shown: ${first ? first.message : 'it is not a playbook'}`)
}

/**
 * Loads a published version of a playbook, or its saved draft when `version` is undefined.
 * @example const v2 = await loadPlaybook('phishing-triage', 2, registry)
 */
export async function loadPlaybook(
  playbookId: string,
  version: number | undefined,
  registry?: NodeRegistry,
): Promise<Playbook> {
  const raw =
    version === undefined ? await getDraftDocument(playbookId) : await getVersionDocument(playbookId, version)
  return toPlaybook(raw, registry)
}
