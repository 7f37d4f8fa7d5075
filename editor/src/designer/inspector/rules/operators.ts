import { OPERATORS, type Operator, UNARY_OPERATORS } from '../../../../../nodes/condition/rules.ts'

export { OPERATORS, type Operator }

/** Every operator the rules support, as an analyst reads it. */
export const OPERATOR_LABELS: Record<Operator, string> = {
  equals: 'equals',
  not_equals: 'does not equal',
  contains: 'contains',
  not_contains: 'does not contain',
  starts_with: 'starts with',
  ends_with: 'ends with',
  matches: 'matches pattern (regex)',
  gt: 'is greater than',
  gte: 'is at least',
  lt: 'is less than',
  lte: 'is at most',
  in_list: 'is in list',
  not_in_list: 'is not in list',
  in_cidr: 'is in network (CIDR)',
  exists: 'exists',
  not_exists: 'does not exist',
  is_empty: 'is empty',
  is_not_empty: 'is not empty',
}

/** What the value input of a rule looks like for an operator. */
export type ValueKind = 'none' | 'text' | 'number' | 'pattern' | 'list' | 'cidr'

/**
 * The value input an operator needs: none for exists / is empty, a list for the list operators,
 * CIDR ranges for "in network", a number for comparisons.
 * @example valueKind('in_cidr') // 'cidr'
 */
export function valueKind(op: Operator): ValueKind {
  if (UNARY_OPERATORS.includes(op)) return 'none'
  if (op === 'in_list' || op === 'not_in_list') return 'list'
  if (op === 'in_cidr') return 'cidr'
  if (op === 'matches') return 'pattern'
  if (op === 'gt' || op === 'gte' || op === 'lt' || op === 'lte') return 'number'
  return 'text'
}

/** Operators whose comparison can ignore case (strings). */
export function takesIgnoreCase(op: Operator): boolean {
  const kind = valueKind(op)
  return kind === 'text' || kind === 'pattern' || kind === 'list'
}

/**
 * A rule's value carried over to a new operator: dropped for operators without a value, split into
 * a list (or joined back) when the value input changes between one value and a list. A template
 * string (`{{ vars.blocklist }}`) is kept as it is.
 * @example convertValue('a, b', 'in_list') // ['a', 'b']
 */
export function convertValue(value: unknown, to: Operator): unknown {
  const kind = valueKind(to)
  if (kind === 'none') return undefined
  const wantsList = kind === 'list' || kind === 'cidr'
  if (typeof value === 'string' && value.includes('{{')) return value
  if (wantsList) {
    if (Array.isArray(value)) return value
    if (typeof value === 'string')
      return value
        .split(/[\n,]/)
        .map((s) => s.trim())
        .filter((s) => s !== '')
    return value === undefined || value === null ? [] : [String(value)]
  }
  if (Array.isArray(value)) return value.map(String).join(', ')
  return value ?? ''
}

/** A rule value typed into a text box: numbers stay numbers for comparisons, the rest is text. */
export function valueFromText(text: string, op: Operator): unknown {
  if (valueKind(op) === 'number' && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text)
  return text
}
