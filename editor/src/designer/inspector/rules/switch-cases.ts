import { isRecord } from '../schema-form/values.ts'
import { convertValue, OPERATORS, type Operator } from './operators.ts'

/**
 * A `condition.switch` case as the case editor shows it: a port, an operator and a value. The
 * params shape has two spellings, `{ port, equals }` and `{ port, operator, value }`; a case keeps
 * the spelling it came with as long as its operator stays `equals`.
 */
export interface CaseView {
  port: string
  operator: Operator
  value: unknown
  ignoreCase: boolean
}

/** How a raw case (possibly malformed) reads in the editor. */
export function readCase(raw: unknown): CaseView {
  const c = isRecord(raw) ? raw : {}
  const operator = OPERATORS.includes(c.operator as Operator) ? (c.operator as Operator) : 'equals'
  return {
    port: typeof c.port === 'string' ? c.port : '',
    operator,
    value: c.operator === undefined ? c.equals : c.value,
    ignoreCase: c.ignoreCase === true,
  }
}

/**
 * The case written back from the editor, over the raw case it came from.
 * @example writeCase({ port: 'high', equals: 'high' }, { port: 'high', operator: 'equals', value: 'critical', ignoreCase: false })
 * // { port: 'high', equals: 'critical' }
 */
export function writeCase(raw: unknown, view: CaseView): Record<string, unknown> {
  const { equals: _e, operator: _o, value: _v, ignoreCase: hadIgnoreCase, ...rest } = isRecord(raw) ? raw : {}
  const shorthand = isRecord(raw) && raw.operator === undefined && view.operator === 'equals'
  const test = shorthand
    ? { equals: view.value ?? '' }
    : { operator: view.operator, ...(view.value === undefined ? {} : { value: view.value }) }
  const keepFlag = view.ignoreCase || hadIgnoreCase !== undefined
  return { ...rest, port: view.port, ...test, ...(keepFlag ? { ignoreCase: view.ignoreCase } : {}) }
}

/** A case view with another operator, its value carried over. */
export function caseWithOperator(view: CaseView, operator: Operator): CaseView {
  return { ...view, operator, value: convertValue(view.value, operator) }
}

/** A new case on a port name not used yet (`case_1`, `case_2`…). */
export function newCase(existing: readonly unknown[]): Record<string, unknown> {
  const used = new Set(existing.map((c) => readCase(c).port))
  let n = existing.length + 1
  while (used.has(`case_${n}`)) n++
  return { port: `case_${n}`, equals: '' }
}
