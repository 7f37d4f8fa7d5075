import { useId } from 'react'
import { ExpressionInput } from '../expressions/ExpressionInput.tsx'
import { type FieldProblem, partition } from '../field-problems.ts'
import { FieldProblems } from '../schema-form/FieldShell.tsx'
import { formatValue } from '../schema-form/parse-text.ts'
import { withKey } from '../schema-form/values.ts'
import { ComparisonFields } from './ComparisonFields.tsx'
import { entryName, type FieldMode, type RuleOps } from './rule-ops.ts'
import { type EntryPath, type Rule, withOperator } from './rule-tree.ts'

interface RuleRowProps {
  rule: Rule
  path: EntryPath
  fieldMode: FieldMode
  ops: RuleOps
  problems: readonly FieldProblem[]
}

/**
 * One rule: the field tested (with expression suggestions, so no expression has to be written),
 * the operator, the value its operator needs, "ignore case" where it applies, and remove.
 */
export function RuleRow({ rule, path, fieldMode, ops, problems }: RuleRowProps) {
  const id = useId()
  const name = entryName('Rule', path)
  const { own, byKey } = partition(problems, ['field', 'operator', 'value', 'ignoreCase'])
  const edit = (patch: (r: Rule) => Rule) => ops.update(path, (r) => patch(r as Rule))
  const fieldProblems = byKey.get('field') ?? []
  return (
    <fieldset className="insp-rule">
      <legend className="insp-sr-only">{name}</legend>
      <div className={`insp-field insp-rule-field${fieldProblems.length ? ' insp-has-problem' : ''}`}>
        <label htmlFor={`${id}-field`}>
          <span className="insp-sr-only">{`${name} `}</span>
          {fieldMode === 'path' ? 'Field path' : 'Field'}
        </label>
        <ExpressionInput
          id={`${id}-field`}
          value={formatValue(rule.field)}
          bare={fieldMode === 'value'}
          placeholder={fieldMode === 'path' ? 'e.g. score or ip.value' : 'Choose a field…'}
          invalid={fieldProblems.length > 0}
          onChange={(text) => edit((r) => ({ ...r, field: text }))}
        />
        <FieldProblems problems={fieldProblems} />
      </div>
      <ComparisonFields
        id={id}
        context={name}
        operator={rule.operator}
        value={rule.value}
        ignoreCase={rule.ignoreCase === true}
        operatorProblems={byKey.get('operator') ?? []}
        valueProblems={byKey.get('value') ?? []}
        onOperator={(op) => edit((r) => withOperator(r, op))}
        onValue={(value) => edit((r) => ({ ...r, value }))}
        onIgnoreCase={(on) => edit((r) => withKey(r, 'ignoreCase', on || undefined) as Rule)}
      />
      <button
        type="button"
        className="insp-icon-button insp-danger"
        aria-label={`Remove ${name}`}
        onClick={() => ops.remove(path)}
      >
        ✕
      </button>
      <FieldProblems problems={own} />
    </fieldset>
  )
}
