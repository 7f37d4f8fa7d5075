import type { PathSegment, Problem } from '../../../../runtime/format/problems.ts'
import type { Playbook } from '../../../../runtime/format/schema.ts'

/** A validation problem placed relative to a field: `path` continues from the field's own path. */
export interface FieldProblem {
  path: PathSegment[]
  message: string
  severity: Problem['severity']
  code: string
}

const SEGMENT = /^(?:\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\])/

/**
 * Parses a problem's JSON path (as `jsonPath` writes it) back into segments; `undefined` when it is
 * not one.
 * @example parseJsonPath('$.nodes[3].params["x-y"]') // ['nodes', 3, 'params', 'x-y']
 */
export function parseJsonPath(path: string): PathSegment[] | undefined {
  if (!path.startsWith('$')) return undefined
  const out: PathSegment[] = []
  let rest = path.slice(1)
  while (rest !== '') {
    const m = SEGMENT.exec(rest)
    if (!m) return undefined
    if (m[1] !== undefined) out.push(m[1])
    else if (m[2] !== undefined) out.push(Number(m[2]))
    else out.push(JSON.parse(m[3]!) as string)
    rest = rest.slice(m[0].length)
  }
  return out
}

function toField(p: Problem, path: PathSegment[]): FieldProblem {
  return { path, message: p.message, severity: p.severity, code: p.code }
}

/**
 * The problems of one node, with paths relative to the node (`['params', 'url']`); problems that
 * name the node but lie elsewhere (an edge leaving it) get an empty path.
 * @example nodeProblems(problems, playbook, 'vt')[0]?.path // ['params', 'hash']
 */
export function nodeProblems(
  problems: readonly Problem[],
  playbook: Pick<Playbook, 'nodes'>,
  nodeId: string,
): FieldProblem[] {
  const out: FieldProblem[] = []
  for (const p of problems) {
    const segs = parseJsonPath(p.path)
    const index = segs?.[0] === 'nodes' && typeof segs[1] === 'number' ? segs[1] : -1
    const atNode = index >= 0 && playbook.nodes[index]?.id === nodeId
    if (atNode) out.push(toField(p, segs!.slice(2)))
    else if (p.nodeId === nodeId) out.push(toField(p, []))
  }
  return out
}

const DOCUMENT_PARTS = new Set(['nodes', 'edges', 'layout', 'notes'])

/** Problems of the playbook's own fields (name, tags, inputs…), not of its nodes or edges. */
export function playbookProblems(problems: readonly Problem[]): FieldProblem[] {
  const out: FieldProblem[] = []
  for (const p of problems) {
    if (p.nodeId !== undefined) continue
    const segs = parseJsonPath(p.path)
    if (!segs || (typeof segs[0] === 'string' && DOCUMENT_PARTS.has(segs[0]))) continue
    out.push(toField(p, segs))
  }
  return out
}

/**
 * The problems under `key`, with `key` removed from their paths.
 * @example under([{ path: ['retry', 'max'], … }], 'retry')[0]?.path // ['max']
 */
export function under(problems: readonly FieldProblem[], key: PathSegment): FieldProblem[] {
  return problems.filter((p) => p.path[0] === key).map((p) => ({ ...p, path: p.path.slice(1) }))
}

/**
 * Splits problems between children: those under one of `keys` (for that child to show), and the
 * rest (`own`: at this field itself, or under a key no child shows).
 */
export function partition(
  problems: readonly FieldProblem[],
  keys: readonly PathSegment[],
): { own: FieldProblem[]; byKey: Map<PathSegment, FieldProblem[]> } {
  const known = new Set(keys)
  const own: FieldProblem[] = []
  const byKey = new Map<PathSegment, FieldProblem[]>()
  for (const p of problems) {
    const head = p.path[0]
    if (head === undefined || !known.has(head)) {
      own.push(p)
      continue
    }
    const list = byKey.get(head) ?? []
    list.push({ ...p, path: p.path.slice(1) })
    byKey.set(head, list)
  }
  return { own, byKey }
}

/** The text of a problem shown at a field: deeper paths are named (`[2]: not an email`). */
export function describeFieldProblem(p: FieldProblem): string {
  if (p.path.length === 0) return p.message
  const where = p.path.map((s) => (typeof s === 'number' ? `[${s + 1}]` : `.${s}`)).join('')
  return `${where.replace(/^\./, '')}: ${p.message}`
}
