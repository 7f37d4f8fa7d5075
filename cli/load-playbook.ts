import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Problem } from '../runtime/format/index.ts'
import { parsePlaybook } from '../runtime/format/index.ts'
import type { Playbook } from '../runtime/format/schema.ts'
import type { NodeRegistry, PlaybookLoader } from '../runtime/node-type.ts'

/** A playbook file read and validated, with every problem found. */
export interface LoadedPlaybook {
  file: string
  text: string
  playbook?: Playbook
  problems: Problem[]
}

/** Reads a playbook file and validates it (migrating older formats); never throws on bad content. */
export async function loadPlaybookFile(file: string, registry: NodeRegistry): Promise<LoadedPlaybook> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    return { file, text: '', problems: [{ code: 'READ_FAILED', severity: 'error', message, path: '$' }] }
  }
  const result = parsePlaybook(text, { registry })
  return { file, text, playbook: result.ok ? result.playbook : undefined, problems: result.problems }
}

/** Formats problems as `file: path: CODE message [node id]` lines, errors before warnings. */
export function formatProblems(file: string, problems: readonly Problem[]): string[] {
  const sorted = [...problems].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
  )
  return sorted.map(
    (p) => `${file}: ${p.severity} ${p.path}: ${p.code} ${p.message}${p.nodeId ? ` [node ${p.nodeId}]` : ''}`,
  )
}

/**
 * A sub-playbook loader over the valid playbook files of a folder, keyed by playbook id.
 * Files that do not validate are left out (the `validate` command reports them).
 */
export async function folderLoader(dir: string, registry: NodeRegistry): Promise<PlaybookLoader> {
  const byId = new Map<string, Playbook>()
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort()
  for (const name of names) {
    const loaded = await loadPlaybookFile(join(dir, name), registry)
    if (loaded.playbook) byId.set(loaded.playbook.id, loaded.playbook)
  }
  return { load: async (id) => byId.get(id) }
}
