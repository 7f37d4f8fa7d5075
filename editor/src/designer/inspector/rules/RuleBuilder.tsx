import type { FieldProblem } from '../field-problems.ts'
import { readGroup, writeGroup } from './condition-params.ts'
import { RuleGroupView } from './RuleGroupView.tsx'
import type { FieldMode, RuleOps } from './rule-ops.ts'
import { appendAt, removeAt, updateAt } from './rule-tree.ts'

interface RuleBuilderProps {
  params: Record<string, unknown>
  onChange(params: Record<string, unknown>): void
  fieldMode: FieldMode
  /** Problems relative to the params. */
  problems: readonly FieldProblem[]
}

/**
 * The rule builder: the params' `combinator` and `rules` as nested groups of rows an analyst
 * clicks together (field, operator, value). Reads and writes exactly the params shape of
 * `condition.if` / `condition.filter`, keeping every other key.
 * @example <RuleBuilder params={node.params} onChange={save} fieldMode="value" problems={[]} />
 */
export function RuleBuilder({ params, onChange, fieldMode, problems }: RuleBuilderProps) {
  const group = readGroup(params)
  const save = (next: typeof group) => onChange(writeGroup(params, next))
  const ops: RuleOps = {
    update: (path, fn) => save(updateAt(group, path, fn)),
    remove: (path) => save(removeAt(group, path)),
    append: (path, entry) => save(appendAt(group, path, entry)),
  }
  return <RuleGroupView group={group} path={[]} fieldMode={fieldMode} ops={ops} problems={problems} />
}
