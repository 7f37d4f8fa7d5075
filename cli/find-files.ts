import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'

const SKIP = new Set(['node_modules', '.git', 'dist', 'data'])

/** All `.json` files under a folder (recursively, skipping node_modules, .git, dist, data), sorted. */
export async function jsonFilesUnder(dir: string): Promise<string[]> {
  const out: string[] = []
  const walk = async (d: string): Promise<void> => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!SKIP.has(entry.name)) await walk(join(d, entry.name))
      } else if (entry.isFile() && entry.name.endsWith('.json')) out.push(join(d, entry.name))
    }
  }
  await walk(dir)
  return out.sort()
}

/** Reads the top-level object of a JSON file, or undefined if it is not one. */
async function topLevel(file: string): Promise<Record<string, unknown> | undefined> {
  try {
    const v: unknown = JSON.parse(await readFile(file, 'utf8'))
    return v !== null && typeof v === 'object' && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}

/**
 * Expands arguments into files: a file stays itself; a folder becomes the JSON files under it that
 * `keep` accepts (by their top-level object).
 */
export async function expandArgs(
  args: readonly string[],
  keep: (top: Record<string, unknown>) => boolean,
): Promise<string[]> {
  const files: string[] = []
  for (const arg of args) {
    const s = await stat(arg).catch(() => undefined)
    if (s?.isDirectory()) {
      for (const f of await jsonFilesUnder(arg)) {
        const top = await topLevel(f)
        if (top && keep(top)) files.push(f)
      }
    } else files.push(arg)
  }
  return files
}

/** A playbook file has a `format` like `bulwark.playbook/N`. */
export const isPlaybookFile = (top: Record<string, unknown>) =>
  typeof top.format === 'string' && top.format.startsWith('bulwark.playbook/')

/** A playbook test file names its playbook and lists cases. */
export const isTestFile = (top: Record<string, unknown>) =>
  typeof top.playbook === 'string' && Array.isArray(top.cases)
