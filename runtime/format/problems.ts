/**
 * Problems: what validation reports. Every check returns problems instead of throwing; callers that
 * prefer an exception wrap them in a `ValidationError`.
 */

/** Stable problem codes; tests and the UI rely on them. */
export type ProblemCode =
  | 'INVALID_JSON'
  | 'UNKNOWN_FORMAT'
  | 'SCHEMA'
  | 'DUPLICATE_ID'
  | 'DANGLING_EDGE'
  | 'DUPLICATE_EDGE'
  | 'SELF_LOOP'
  | 'UNKNOWN_PORT'
  | 'CYCLE'
  | 'UNKNOWN_NODE_TYPE'
  | 'UNKNOWN_NODE_VERSION'
  | 'INVALID_PARAMS'
  | 'EXPRESSION_SYNTAX'
  | 'UNKNOWN_NODE_REF'
  | 'NOT_UPSTREAM'
  | 'MULTIPLE_TRIGGERS'
  | 'UNREACHABLE'
  | 'LAYOUT_UNKNOWN_NODE'
  | 'TOO_LARGE'
  | 'TOO_DEEP'
  | 'TOO_MANY_PROBLEMS'

/** One finding about a playbook: where (`path`, `nodeId`), what (`code`), and how bad. */
export interface Problem {
  code: ProblemCode | (string & {})
  severity: 'error' | 'warning'
  message: string
  /** A JSON path such as `$.nodes[3].params.ip`. */
  path: string
  nodeId?: string
}

/** A path segment: an object key or an array index. */
export type PathSegment = string | number

const IDENT = /^[A-Za-z_$][\w$]*$/
/** Longest piece of user text echoed in a path or message. */
const MAX_SHOWN = 80

/**
 * Quotes user text for a message, shortened so that hostile input cannot bloat the report.
 * @example quote('vt_lookup') // '"vt_lookup"'
 */
export function quote(text: string): string {
  return JSON.stringify(text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text)
}

/**
 * Formats segments as a JSON path; keys that are not identifiers are bracketed and quoted.
 * @example jsonPath(['nodes', 3, 'params', 'ip']) // '$.nodes[3].params.ip'
 */
export function jsonPath(segments: readonly PathSegment[]): string {
  let out = '$'
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`
    else if (s.length <= MAX_SHOWN && IDENT.test(s)) out += `.${s}`
    else out += `[${quote(s)}]`
  }
  return out
}

/** Builds an error problem; `nodeId` is left out when undefined. */
export function error(code: ProblemCode, message: string, path: string, nodeId?: string): Problem {
  return nodeId === undefined
    ? { code, severity: 'error', message, path }
    : { code, severity: 'error', message, path, nodeId }
}

/** Builds a warning problem. */
export function warning(code: ProblemCode, message: string, path: string, nodeId?: string): Problem {
  return { ...error(code, message, path, nodeId), severity: 'warning' }
}

/** True when any problem is an error (warnings alone do not fail validation). */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error')
}

/** Thrown by callers that want an exception; carries every problem found. */
export class ValidationError extends Error {
  readonly problems: Problem[]
  constructor(problems: Problem[], message?: string) {
    const first = problems.find((p) => p.severity === 'error') ?? problems[0]
    super(
      message ??
        (first
          ? `${first.path}: ${first.message}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`
          : 'invalid playbook'),
    )
    this.name = 'ValidationError'
    this.problems = problems
  }
}
