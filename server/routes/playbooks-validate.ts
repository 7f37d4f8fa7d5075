import { type Problem, ValidationError } from '../../runtime/format/problems.ts'
import type { Playbook } from '../../runtime/format/schema.ts'
import { validatePlaybook } from '../../runtime/format/validate.ts'
import type { NodeRegistry } from '../../runtime/node-type.ts'

/** A playbook that passed validation, and the warnings to show beside it. */
export interface CheckedPlaybook {
  playbook: Playbook
  warnings: Problem[]
}

/**
 * Validates an untrusted playbook document with the node registry (older formats are migrated) and
 * throws a `ValidationError` carrying every problem, which the error handler answers as 422
 * `VALIDATION` with `details.problems` (code, path, node id). With `expectedId`, a document whose `id`
 * differs from the URL's is one more problem, reported with the others.
 * @example const { playbook, warnings } = checkPlaybook(await c.req.json(), registry, 'phishing-triage')
 */
export function checkPlaybook(input: unknown, registry: NodeRegistry, expectedId?: string): CheckedPlaybook {
  const result = validatePlaybook(input, { registry })
  const problems = [...result.problems]
  const id = (input as { id?: unknown } | null)?.id
  if (expectedId !== undefined && id !== expectedId) {
    problems.unshift({
      code: 'ID_MISMATCH',
      severity: 'error',
      message: `the playbook's id must be "${expectedId}", the id in the URL`,
      path: '$.id',
    })
  }
  if (!result.ok || !result.playbook || problems.length > result.problems.length) {
    throw new ValidationError(problems)
  }
  return { playbook: result.playbook, warnings: problems.filter((p) => p.severity === 'warning') }
}

/**
 * Re-validates stored canonical JSON (the registry may have changed since it was saved) and returns
 * every problem; empty when it is fit to publish or run.
 * @example if (storedErrors(draft.json, registry).length) throw …
 */
export function storedErrors(json: string, registry: NodeRegistry): Problem[] {
  const result = validatePlaybook(JSON.parse(json), { registry })
  return result.ok ? [] : result.problems
}
