import type { NodeRegistry } from '../../runtime/node-type.ts'
import { formatProblems, loadPlaybookFile } from '../load-playbook.ts'

/** `bulwark validate <files…>`: prints every problem; exit code 1 if any file has an error. */
export async function validateCommand(
  files: string[],
  registry: NodeRegistry,
  out = console,
): Promise<number> {
  let failed = 0
  for (const file of files) {
    const loaded = await loadPlaybookFile(file, registry)
    const lines = formatProblems(file, loaded.problems)
    for (const line of lines) out.log(line)
    const errors = loaded.problems.filter((p) => p.severity === 'error').length
    if (errors > 0) failed++
    else
      out.log(
        `${file}: ok${lines.length ? ` (${lines.length} warning${lines.length === 1 ? '' : 's'})` : ''}`,
      )
  }
  return failed > 0 ? 1 : 0
}
