import type { Problem } from '../../../runtime/format/problems.ts'
import type { Playbook } from '../../../runtime/format/schema.ts'
import { validatePlaybook } from '../../../runtime/format/validate.ts'
import { api, unwrap } from '../api/client.ts'
import { type Catalog, catalog } from '../lib/catalog.ts'

/** A stored draft that no longer matches the playbook schema (shown with its problems, not opened). */
export class UnreadablePlaybookError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`the stored draft cannot be opened: ${problems[0]?.message ?? 'it is not a playbook'}`)
    this.name = 'UnreadablePlaybookError'
  }
}

/**
 * Loads what the designer needs: the draft (`GET /api/playbooks/:id`, migrated and checked against
 * the schema) and the node catalog. Throws `ApiError` (404: no such playbook) or
 * `UnreadablePlaybookError`.
 * @example const { playbook, catalog } = await loadDesigner('phishing-triage')
 */
export async function loadDesigner(id: string): Promise<{ playbook: Playbook; catalog: Catalog }> {
  const [draft, loaded] = await Promise.all([
    api.GET('/api/playbooks/{id}', { params: { path: { id } } }).then(unwrap),
    catalog(),
  ])
  const result = validatePlaybook(draft.playbook, { registry: loaded.registry })
  if (!result.playbook) throw new UnreadablePlaybookError(result.problems)
  return { playbook: result.playbook, catalog: loaded }
}
