import type { NodeRegistry } from '../node-type.ts'
import { locateJsonError } from './json-error.ts'
import { checkLimits } from './limits.ts'
import { looseView } from './loose-view.ts'
import { migrate } from './migrate.ts'
import { error, hasErrors, type Problem, warning } from './problems.ts'
import { LIMITS, type Playbook } from './schema.ts'
import { validateExpressions } from './validate-expressions.ts'
import { validateGraph } from './validate-graph.ts'
import { validateNodes } from './validate-nodes.ts'
import { validateStructure } from './validate-structure.ts'

/** Options for `validatePlaybook`; without a registry, node-type checks are skipped. */
export interface ValidateOptions {
  registry?: NodeRegistry
}

/** The verdict on a playbook. */
export interface ValidationResult {
  /** True when there is no error (warnings allowed). */
  ok: boolean
  /**
   * The parsed, migrated playbook whenever it matches the schema, even if graph or node checks
   * failed (so an editor can open a playbook with a cycle); check `ok` before running it.
   */
  playbook?: Playbook
  /** Every problem found, errors and warnings, in the order of the checks. */
  problems: Problem[]
  /** The `format` the input was written in, before migration. */
  from?: string
}

/** Problems returned at most; the rest are summarised in one `TOO_MANY_PROBLEMS` warning. */
export const MAX_PROBLEMS = 1000

/**
 * Validates an untrusted value as a playbook: limits, migration, schema, graph, node types, params
 * and expressions. Reports every problem in one pass and never throws. Linear in nodes + edges.
 * @example const { ok, problems } = validatePlaybook(JSON.parse(text), { registry })
 */
export function validatePlaybook(input: unknown, opts: ValidateOptions = {}): ValidationResult {
  try {
    return finish(check(input, opts))
  } catch (e) {
    // A bug or an exotic object (a throwing getter, a Proxy): still an answer, not a crash.
    const message = `could not validate: ${e instanceof Error ? e.message : String(e)}`
    return { ok: false, problems: [error('SCHEMA', message, '$')] }
  }
}

function check(input: unknown, opts: ValidateOptions): ValidationResult {
  const limits = checkLimits(input)
  if (limits.fatal) return { ok: false, problems: limits.problems }
  const migrated = migrate(input)
  const base = { from: migrated.from }
  const problems = [...limits.problems, ...migrated.problems]
  if (migrated.problems.length > 0) return { ok: false, problems, ...base }
  const structure = validateStructure(migrated.value)
  problems.push(...structure.problems)
  const view = looseView(migrated.value)
  const nodes = opts.registry ? validateNodes(view, opts.registry) : undefined
  const graph = validateGraph(view, nodes?.triggerIds)
  problems.push(...graph.problems)
  if (nodes) problems.push(...nodes.problems)
  problems.push(...validateExpressions(view, graph))
  const result: ValidationResult = { ok: !hasErrors(problems), problems, ...base }
  if (structure.playbook) result.playbook = structure.playbook
  return result
}

function finish(result: ValidationResult): ValidationResult {
  if (result.from === undefined) delete result.from
  if (result.problems.length <= MAX_PROBLEMS) return result
  const rest = result.problems.length - MAX_PROBLEMS
  const problems = result.problems.slice(0, MAX_PROBLEMS)
  problems.push(warning('TOO_MANY_PROBLEMS', `${rest} more problems not shown`, '$'))
  return { ...result, problems }
}

/**
 * Parses JSON text and validates it. Malformed JSON gives one `INVALID_JSON` problem naming the
 * line and column; text over `LIMITS.maxFileBytes` gives `TOO_LARGE`. Never throws.
 * @example parsePlaybook('{ "format": ', {}).problems[0].message // 'line 1, column 12: unexpected end of input'
 */
export function parsePlaybook(text: string, opts: ValidateOptions = {}): ValidationResult {
  if (typeof text !== 'string')
    return { ok: false, problems: [error('INVALID_JSON', 'expected JSON text', '$')] }
  if (text.length > LIMITS.maxFileBytes) {
    const message = `file is too large: ${text.length} characters (at most ${LIMITS.maxFileBytes})`
    return { ok: false, problems: [error('TOO_LARGE', message, '$')] }
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  let value: unknown
  try {
    value = JSON.parse(body)
  } catch (e) {
    const at = locateJsonError(body)
    const message = at
      ? `line ${at.line}, column ${at.column}: ${at.message}`
      : `invalid JSON: ${e instanceof Error ? e.message : String(e)}`
    return { ok: false, problems: [error('INVALID_JSON', message, '$')] }
  }
  return validatePlaybook(value, opts)
}
