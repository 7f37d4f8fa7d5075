import { toCanonical } from '../../../../runtime/format/canonical.ts'
import type { Problem } from '../../../../runtime/format/problems.ts'
import type { Playbook } from '../../../../runtime/format/schema.ts'
import { parsePlaybook } from '../../../../runtime/format/validate.ts'
import type { NodeRegistry } from '../../../../runtime/node-type.ts'
import { ApiError, type ApiProblem, api, unwrap } from '../../api/client.ts'

/** The outcome of a save or publish: done, or why not (with every problem the server listed). */
export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string; problems: ApiProblem[] }

function failure(err: unknown): { ok: false; message: string; problems: ApiProblem[] } {
  if (err instanceof ApiError) return { ok: false, message: err.message, problems: err.problems }
  return { ok: false, message: err instanceof Error ? err.message : String(err), problems: [] }
}

/**
 * Saves a playbook as the draft (`PUT /api/playbooks/:id`); a 422 comes back with every problem.
 * @example const saved = await saveDraft('phishing-triage', playbook); if (saved.ok) store.markSaved(playbook)
 */
export async function saveDraft(id: string, playbook: Playbook): Promise<Outcome<{ warnings: number }>> {
  try {
    const saved = unwrap(await api.PUT('/api/playbooks/{id}', { params: { path: { id } }, body: playbook }))
    return { ok: true, value: { warnings: saved.warnings.length } }
  } catch (err) {
    return failure(err)
  }
}

/**
 * Publishes the saved draft as the next version with a note (`POST /api/playbooks/:id/publish`).
 * @example const published = await publishDraft('phishing-triage', 'Block Tor exits')
 */
export async function publishDraft(id: string, note: string): Promise<Outcome<{ version: number }>> {
  try {
    const v = unwrap(
      await api.POST('/api/playbooks/{id}/publish', { params: { path: { id } }, body: { note } }),
    )
    return { ok: true, value: { version: v.version } }
  } catch (err) {
    return failure(err)
  }
}

/** An imported file: the playbook to show (its id set to the open one's), or why it cannot load. */
export type Imported =
  | { ok: true; playbook: Playbook; problems: Problem[]; renamedFrom?: string }
  | { ok: false; problems: Problem[] }

/**
 * Reads an imported playbook file: JSON, migrated from older formats and validated. A file that
 * matches the schema loads even with graph problems (they show in the problems panel); its id
 * becomes the open playbook's, since the file replaces this playbook's draft.
 * @example importPlaybook(await file.text(), registry, 'phishing-triage')
 */
export function importPlaybook(text: string, registry: NodeRegistry, id: string): Imported {
  const result = parsePlaybook(text, { registry })
  if (!result.playbook) return { ok: false, problems: result.problems }
  const imported: Imported = { ok: true, playbook: { ...result.playbook, id }, problems: result.problems }
  if (result.playbook.id !== id) imported.renamedFrom = result.playbook.id
  return imported
}

/**
 * Downloads the playbook as its canonical file, `<id>.json`.
 * @example downloadCanonical(store.getState().playbook)
 */
export function downloadCanonical(playbook: Playbook): void {
  const url = URL.createObjectURL(new Blob([toCanonical(playbook)], { type: 'application/json' }))
  const link = document.createElement('a')
  link.href = url
  link.download = `${playbook.id}.json`
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
