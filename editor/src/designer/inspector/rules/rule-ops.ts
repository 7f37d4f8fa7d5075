import type { EntryPath, RuleEntry } from './rule-tree.ts'

/** The edits a rule row or group asks of the builder, addressed by path from the top group. */
export interface RuleOps {
  update(path: EntryPath, fn: (entry: RuleEntry) => RuleEntry): void
  remove(path: EntryPath): void
  append(groupPath: EntryPath, entry: RuleEntry): void
}

/** How a rule's `field` is typed: the value itself (`condition.if`) or a path inside each item (`condition.filter`). */
export type FieldMode = 'value' | 'path'

/** The name of an entry as the user reads it: "Rule 2", "Rule 2.1", "Group 3". */
export function entryName(kind: 'Rule' | 'Group', path: EntryPath): string {
  return `${kind} ${path.map((i) => i + 1).join('.')}`
}
