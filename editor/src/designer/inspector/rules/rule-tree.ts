import type { Rule, RuleGroup } from '../../../../../nodes/condition/rules.ts'
import { isRecord } from '../schema-form/values.ts'
import { convertValue, type Operator } from './operators.ts'

export type { Rule, RuleGroup }
/** An entry of a group: a rule or a nested group. */
export type RuleEntry = Rule | RuleGroup
/** Where an entry sits: the indices from the top group down (`[1, 0]` = first entry of the second). */
export type EntryPath = readonly number[]

/** True for a nested group (it has a `rules` list). */
export function isGroup(entry: unknown): entry is RuleGroup {
  return isRecord(entry) && Array.isArray(entry.rules)
}

/** True for a rule (it names an operator); anything else in a rules list is shown as JSON. */
export function isRule(entry: unknown): entry is Rule {
  return isRecord(entry) && typeof entry.operator === 'string' && !Array.isArray(entry.rules)
}

/** A new rule: compare a value (chosen from the suggestions) with equals. */
export function newRule(): Rule {
  return { field: '', operator: 'equals', value: '' }
}

/** A new nested group: "any of", with one empty rule to fill in. */
export function newGroup(): RuleGroup {
  return { combinator: 'any', rules: [newRule()] }
}

/**
 * The group with the entry at `path` replaced by `fn(entry)`; unchanged when nothing is there.
 * @example updateAt(group, [1, 0], (r) => ({ ...r, value: 'high' }))
 */
export function updateAt(group: RuleGroup, path: EntryPath, fn: (entry: RuleEntry) => RuleEntry): RuleGroup {
  const [head, ...rest] = path
  if (head === undefined) return fn(group) as RuleGroup
  const entry = group.rules[head]
  if (entry === undefined) return group
  if (rest.length > 0 && !isGroup(entry)) return group
  const next = rest.length === 0 ? fn(entry) : updateAt(entry as RuleGroup, rest, fn)
  return { ...group, rules: group.rules.map((r, i) => (i === head ? next : r)) }
}

/** The group without the entry at `path`. */
export function removeAt(group: RuleGroup, path: EntryPath): RuleGroup {
  const parent = path.slice(0, -1)
  const index = path.at(-1)
  if (index === undefined) return group
  return updateAt(group, parent, (g) =>
    isGroup(g) ? { ...g, rules: g.rules.filter((_, i) => i !== index) } : g,
  )
}

/** The group with `entry` added at the end of the group at `groupPath` (`[]` = the top group). */
export function appendAt(group: RuleGroup, groupPath: EntryPath, entry: RuleEntry): RuleGroup {
  return updateAt(group, groupPath, (g) => (isGroup(g) ? { ...g, rules: [...g.rules, entry] } : g))
}

/**
 * A rule with another operator; its value follows (dropped for exists/is empty, split into a list
 * for "is in list"), and `ignoreCase` is dropped where it means nothing.
 */
export function withOperator<T extends { operator?: Operator; value?: unknown; ignoreCase?: boolean }>(
  rule: T,
  operator: Operator,
): T {
  const { value: _, ...rest } = rule
  const value = convertValue(rule.value, operator)
  return { ...rest, operator, ...(value === undefined ? {} : { value }) } as T
}
