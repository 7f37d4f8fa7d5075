import { newRule, type RuleGroup } from './rule-tree.ts'

/**
 * The params of `condition.if` (and the rules of `condition.filter`) seen as one top rule group, and
 * back. Keys the builder does not edit are kept, so an untouched node saves exactly as it loaded.
 */

/** The top group of a node's params: its combinator (default `all`) and rules. */
export function readGroup(params: Record<string, unknown>): RuleGroup {
  return {
    combinator: params.combinator === 'any' ? 'any' : 'all',
    rules: Array.isArray(params.rules) ? (params.rules as RuleGroup['rules']) : [],
  }
}

/**
 * Params with the top group written back.
 * @example writeGroup({ combinator: 'all', rules: [] }, { combinator: 'any', rules: [rule] }) // { combinator: 'any', rules: [rule] }
 */
export function writeGroup(params: Record<string, unknown>, group: RuleGroup): Record<string, unknown> {
  return { ...params, combinator: group.combinator, rules: group.rules }
}

/** True when the condition is one expression rather than rules. */
export function isExpressionMode(params: Record<string, unknown>): boolean {
  return params.expression !== undefined
}

/** Params in expression mode: the rules are set aside (the schema takes one or the other). */
export function toExpressionMode(params: Record<string, unknown>, expression = ''): Record<string, unknown> {
  return { ...params, rules: [], expression }
}

/** Params in rules mode, with the rules set aside before (or one empty rule to fill in). */
export function toRulesMode(
  params: Record<string, unknown>,
  rules?: RuleGroup['rules'],
): Record<string, unknown> {
  const { expression: _, ...rest } = params
  return { ...rest, rules: rules && rules.length > 0 ? rules : [newRule()] }
}

/** The expression as text (it may also be a literal `true`/`false`). */
export function expressionText(params: Record<string, unknown>): string {
  const e = params.expression
  return typeof e === 'string' ? e : typeof e === 'boolean' ? String(e) : ''
}
