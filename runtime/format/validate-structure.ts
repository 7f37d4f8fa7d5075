import type { z } from 'zod'
import { error, jsonPath, type PathSegment, type Problem } from './problems.ts'
import { type Playbook, playbookSchema } from './schema.ts'

/** Issues shown per playbook before the rest are summarised; keeps output bounded on junk input. */
const MAX_SCHEMA_PROBLEMS = 500

/**
 * Checks a (migrated) value against `playbookSchema`, turning every zod issue into a `SCHEMA` problem
 * with a JSON path, and the node id when the issue sits under `nodes[i]`.
 * @example validateStructure({ format: 'bulwark.playbook/2' }).problems[0].path // '$.id'
 */
export function validateStructure(raw: unknown): { playbook?: Playbook; problems: Problem[] } {
  const result = playbookSchema.safeParse(raw)
  if (result.success) return { playbook: result.data, problems: [] }
  return { problems: issuesToProblems(result.error.issues, raw, [], 'SCHEMA', MAX_SCHEMA_PROBLEMS) }
}

/**
 * Maps zod issues to problems. `base` is prefixed to every issue path (for node params, the path of
 * the params object); `root` is the value the issue paths are relative to the top of (the playbook),
 * used to find the node id.
 */
export function issuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  root: unknown,
  base: readonly PathSegment[],
  code: 'SCHEMA' | 'INVALID_PARAMS',
  max = Number.POSITIVE_INFINITY,
): Problem[] {
  const problems: Problem[] = []
  for (const issue of issues.slice(0, max)) {
    const segs = [...base, ...issue.path.map((s) => (typeof s === 'symbol' ? String(s) : s))]
    problems.push(error(code, describeIssue(issue), jsonPath(segs), nodeIdAt(root, segs)))
  }
  if (issues.length > max)
    problems.push(error(code, `${issues.length - max} more schema problems not shown`, '$'))
  return problems
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => `"${k}"`).join(', ')
    return `unknown ${issue.keys.length === 1 ? 'field' : 'fields'} ${keys}`
  }
  return issue.message
}

/** The id of the node at `$.nodes[i]` for a path under it, when that node has a string id. */
export function nodeIdAt(root: unknown, segs: readonly PathSegment[]): string | undefined {
  if (segs[0] !== 'nodes' || typeof segs[1] !== 'number') return undefined
  if (root === null || typeof root !== 'object') return undefined
  const nodes = (root as Record<string, unknown>).nodes
  if (!Array.isArray(nodes)) return undefined
  const node: unknown = nodes[segs[1]]
  if (node === null || typeof node !== 'object') return undefined
  const id = (node as Record<string, unknown>).id
  return typeof id === 'string' && id.length <= 64 ? id : undefined
}
