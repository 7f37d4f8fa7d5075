import type { ApiProblem } from '../../api/client.ts'

/**
 * Stable React keys for a list of problems: what and where, numbered when the same problem repeats.
 * @example problemKeys([p, p]) // ['CYCLE $.edges[2] …', 'CYCLE $.edges[2] … #2']
 */
export function problemKeys(problems: readonly ApiProblem[]): string[] {
  const seen = new Map<string, number>()
  return problems.map((p) => {
    const base = `${p.code} ${p.path ?? ''} ${p.nodeId ?? ''} ${p.message}`
    const n = (seen.get(base) ?? 0) + 1
    seen.set(base, n)
    return n === 1 ? base : `${base} #${n}`
  })
}
