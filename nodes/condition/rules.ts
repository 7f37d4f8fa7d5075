import { z } from 'zod'
import { inCidr, isCidr } from '../lib/ip.ts'
import { boundedTest, regexProblem } from '../lib/safe-regex.ts'

/**
 * Rules an analyst clicks together without code: `{ field, operator, value }` rules in groups
 * combined with `all` or `any`, nested up to `MAX_RULE_DEPTH`. Shared by `condition.if`,
 * `condition.switch` and `condition.filter`. Regex patterns are checked at params validation.
 */

export const OPERATORS = [
  'equals',
  'not_equals',
  'contains',
  'not_contains',
  'starts_with',
  'ends_with',
  'matches',
  'gt',
  'gte',
  'lt',
  'lte',
  'in_list',
  'not_in_list',
  'in_cidr',
  'exists',
  'not_exists',
  'is_empty',
  'is_not_empty',
] as const
export type Operator = (typeof OPERATORS)[number]

/** Operators that take no `value`. */
export const UNARY_OPERATORS: readonly Operator[] = ['exists', 'not_exists', 'is_empty', 'is_not_empty']
export const MAX_RULE_DEPTH = 8

/** The operator and value of a rule, without its field: also a switch case's test. */
export const comparisonSchema = z.object({
  operator: z.enum(OPERATORS),
  value: z.unknown().optional(),
  /** Compare strings without regard to case. */
  ignoreCase: z.boolean().optional(),
})

export const ruleSchema = comparisonSchema
  .extend({
    /** `condition.if`: the value to test (usually a template such as `{{ trigger.severity }}`); `condition.filter`: a path inside each item. */
    field: z.unknown(),
    /** A name shown in `matched` instead of the rule's position. */
    label: z.string().max(100).optional(),
  })
  .superRefine(checkComparison)

export interface RuleGroup {
  combinator: 'all' | 'any'
  rules: (Rule | RuleGroup)[]
  label?: string | undefined
}
export type Rule = z.infer<typeof ruleSchema>
export type Comparison = z.infer<typeof comparisonSchema>

export const ruleGroupSchema: z.ZodType<RuleGroup> = z.object({
  combinator: z.enum(['all', 'any']).default('all'),
  label: z.string().max(100).optional(),
  get rules() {
    return z.array(ruleOrGroupSchema).max(200)
  },
})

/** One entry of a group: a rule or a nested group. */
export const ruleOrGroupSchema: z.ZodType<Rule | RuleGroup> = z.lazy(() =>
  z.union([ruleSchema, ruleGroupSchema]),
)

/** Params-time check of a rule's value: a safe regex for `matches`, valid CIDRs for `in_cidr`. */
export function checkComparison(c: Comparison, issue: z.RefinementCtx): void {
  if (c.operator === 'matches') {
    const problem =
      typeof c.value === 'string'
        ? regexProblem(c.value, c.ignoreCase ? 'i' : '')
        : 'the pattern must be a string'
    if (problem) issue.addIssue({ code: 'custom', path: ['value'], message: problem })
  }
  if (c.operator === 'in_cidr') {
    const bad = toList(c.value).filter((x) => typeof x !== 'string' || !isCidr(x))
    if (bad.length > 0)
      issue.addIssue({
        code: 'custom',
        path: ['value'],
        message: `not a CIDR: ${bad.map(String).join(', ')}`,
      })
  }
}

/** Depth of nested groups, for the params check. */
export function groupDepth(group: RuleGroup): number {
  return 1 + Math.max(0, ...group.rules.map((r) => ('rules' in r ? groupDepth(r) : 0)))
}

function toList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value
  if (typeof value === 'string') {
    return value
      .split(/[\n,]/)
      .map((s) => s.trim())
      .filter((s) => s !== '')
  }
  return value === undefined || value === null ? [] : [value]
}

function text(v: unknown, ignoreCase: boolean | undefined): string | undefined {
  const s =
    typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined
  return s !== undefined && ignoreCase ? s.toLowerCase() : s
}

function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v)
    if (Number.isFinite(n)) return n
    if (/^\d{4}-\d{2}-\d{2}/.test(v)) {
      const t = Date.parse(v)
      if (Number.isFinite(t)) return t
    }
  }
  return undefined
}

/**
 * Loose equality an analyst expects: `5` equals `"5"`, `true` equals `"true"`, objects and arrays
 * compare by content, strings optionally ignoring case.
 */
export function looselyEqual(a: unknown, b: unknown, ignoreCase?: boolean): boolean {
  if (a === b) return true
  if (typeof a === 'object' || typeof b === 'object') {
    return a !== null && b !== null && typeof a === typeof b && JSON.stringify(a) === JSON.stringify(b)
  }
  if (typeof a === 'number' || typeof b === 'number') {
    const x = toNumber(a)
    return x !== undefined && x === toNumber(b)
  }
  const x = text(a, ignoreCase)
  return x !== undefined && x === text(b, ignoreCase)
}

function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null) return true
  if (typeof v === 'string') return v.trim() === ''
  if (Array.isArray(v)) return v.length === 0
  if (typeof v === 'object') return Object.keys(v).length === 0
  return false
}

const regexCache = new Map<string, RegExp>()
function regex(pattern: string, ignoreCase: boolean | undefined): RegExp {
  const key = `${ignoreCase ? 'i' : ''}/${pattern}`
  let re = regexCache.get(key)
  if (!re) {
    const problem = regexProblem(pattern, ignoreCase ? 'i' : '')
    if (problem) throw new Error(problem)
    re = new RegExp(pattern, ignoreCase ? 'i' : '')
    if (regexCache.size > 500) regexCache.clear()
    regexCache.set(key, re)
  }
  return re
}

/**
 * Tests one value. Arrays: `contains` looks for an element, `in_list`/`in_cidr` hold when any
 * element is in the list/range. Comparisons of values of the wrong kind are false, never errors.
 * @example compare('high', { operator: 'in_list', value: ['high', 'critical'] }) // true
 */
export function compare(field: unknown, c: Comparison): boolean {
  const { value, ignoreCase } = c
  switch (c.operator) {
    case 'equals':
      return looselyEqual(field, value, ignoreCase)
    case 'not_equals':
      return !looselyEqual(field, value, ignoreCase)
    case 'contains':
      return contains(field, value, ignoreCase)
    case 'not_contains':
      return !contains(field, value, ignoreCase)
    case 'starts_with': {
      const f = text(field, ignoreCase)
      const v = text(value, ignoreCase)
      return f !== undefined && v !== undefined && f.startsWith(v)
    }
    case 'ends_with': {
      const f = text(field, ignoreCase)
      const v = text(value, ignoreCase)
      return f !== undefined && v !== undefined && f.endsWith(v)
    }
    case 'matches': {
      const f = text(field, false)
      return f !== undefined && typeof value === 'string' && boundedTest(regex(value, ignoreCase), f)
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const a = toNumber(field)
      const b = toNumber(value)
      if (a === undefined || b === undefined) return false
      return c.operator === 'gt'
        ? a > b
        : c.operator === 'gte'
          ? a >= b
          : c.operator === 'lt'
            ? a < b
            : a <= b
    }
    case 'in_list':
      return inList(field, value, ignoreCase)
    case 'not_in_list':
      return !inList(field, value, ignoreCase)
    case 'in_cidr': {
      const ranges = toList(value).filter((r): r is string => typeof r === 'string')
      const ips = Array.isArray(field) ? field : [field]
      return ips.some((ip) => typeof ip === 'string' && ranges.some((r) => inCidr(ip, r)))
    }
    case 'exists':
      return field !== undefined && field !== null
    case 'not_exists':
      return field === undefined || field === null
    case 'is_empty':
      return isEmpty(field)
    case 'is_not_empty':
      return !isEmpty(field)
  }
}

function contains(field: unknown, value: unknown, ignoreCase?: boolean): boolean {
  if (Array.isArray(field)) return field.some((item) => looselyEqual(item, value, ignoreCase))
  const f = text(field, ignoreCase)
  const v = text(value, ignoreCase)
  return f !== undefined && v !== undefined && f.includes(v)
}

function inList(field: unknown, list: unknown, ignoreCase?: boolean): boolean {
  const items = toList(list)
  const values = Array.isArray(field) ? field : [field]
  return values.some((f) => items.some((item) => looselyEqual(f, item, ignoreCase)))
}

/** The result of a group and which rules matched (their labels or positions such as `1.0`). */
export interface GroupResult {
  result: boolean
  matched: string[]
}

/**
 * Evaluates a group. Every rule is evaluated (so `matched` is complete); `fieldOf` turns a rule's
 * `field` into the value tested: identity for `condition.if`, a path lookup for `condition.filter`.
 */
export function evaluateGroup(
  group: RuleGroup,
  fieldOf: (field: unknown) => unknown = (f) => f,
  prefix = '',
): GroupResult {
  const matched: string[] = []
  const results = group.rules.map((rule, i) => {
    const name = rule.label ?? `${prefix}${i}`
    if ('rules' in rule) {
      const inner = evaluateGroup(rule, fieldOf, `${prefix}${i}.`)
      matched.push(...inner.matched)
      if (inner.result && rule.label) matched.push(rule.label)
      return inner.result
    }
    const ok = compare(fieldOf(rule.field), rule)
    if (ok) matched.push(name)
    return ok
  })
  const result = group.combinator === 'all' ? results.every(Boolean) : results.some(Boolean)
  return { result, matched }
}
