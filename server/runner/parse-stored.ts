import type { Playbook } from '../../runtime/format/schema.ts'
import { parsePlaybook } from '../../runtime/format/validate.ts'
import type { NodeRegistry } from '../../runtime/node-type.ts'
import { RunnerError } from './errors.ts'

/**
 * A stored playbook (draft or version) parsed, migrated and validated against the registry; a
 * playbook that no longer validates is `INVALID_PLAYBOOK` with its first problem.
 * @example parseStoredPlaybook(version.json, registry, '"triage" version 3')
 */
export function parseStoredPlaybook(json: string, registry: NodeRegistry, what: string): Playbook {
  const result = parsePlaybook(json, { registry })
  if (result.ok && result.playbook) return result.playbook
  const first = result.problems.find((p) => p.severity !== 'warning') ?? result.problems[0]
  const detail = first ? `: ${first.path} ${first.message}` : ''
  throw new RunnerError('INVALID_PLAYBOOK', `${what} does not validate${detail}`)
}
