import { writeFile } from 'node:fs/promises'
import { toCanonical } from '../../runtime/format/index.ts'
import type { NodeRegistry } from '../../runtime/node-type.ts'
import { expandArgs, isPlaybookFile } from '../find-files.ts'
import { formatProblems, loadPlaybookFile } from '../load-playbook.ts'

/**
 * `bulwark fmt [--check] <files|dirs…>`: rewrites playbooks in canonical form (or, with `check`,
 * lists the files that are not, exit 1). Invalid files are reported and left untouched (exit 2).
 */
export async function fmtCommand(
  args: string[],
  opts: { check?: boolean },
  registry: NodeRegistry,
  out = console,
): Promise<number> {
  const files = await expandArgs(args, isPlaybookFile)
  let code = 0
  for (const file of files) {
    const loaded = await loadPlaybookFile(file, registry)
    if (!loaded.playbook) {
      for (const line of formatProblems(file, loaded.problems)) out.error(line)
      code = 2
      continue
    }
    const canonical = toCanonical(loaded.playbook)
    if (canonical === loaded.text) continue
    if (opts.check) {
      out.log(`${file}: not in canonical form (run: bulwark fmt ${file})`)
      code = Math.max(code, 1)
    } else {
      await writeFile(file, canonical)
      out.log(`${file}: formatted`)
    }
  }
  return code
}
