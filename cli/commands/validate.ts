import type { NodeRegistry } from '../../runtime/node-type.ts'
import { expandArgs, isPlaybookFile } from '../find-files.ts'
import { formatProblems, loadPlaybookFile } from '../load-playbook.ts'

/**
 * `bulwark validate <files|dirs…>`: prints every problem; exit code 2 if any file has an error.
 * Folders are searched for playbook files (JSON with a `bulwark.playbook/N` format).
 */
export async function validateCommand(
  args: string[],
  registry: NodeRegistry,
  out = console,
): Promise<number> {
  const files = await expandArgs(args, isPlaybookFile)
  if (files.length === 0) {
    out.error(`no playbook files found in ${args.join(', ')}`)
    return 2
  }
  let failed = 0
  for (const file of files) {
    const loaded = await loadPlaybookFile(file, registry)
    const lines = formatProblems(file, loaded.problems)
    for (const line of lines) out.log(line)
    if (loaded.problems.some((p) => p.severity === 'error')) failed++
    else
      out.log(
        `${file}: ok${lines.length ? ` (${lines.length} warning${lines.length === 1 ? '' : 's'})` : ''}`,
      )
  }
  return failed > 0 ? 2 : 0
}
