import { useId, useRef } from 'react'
import { ExpressionInput } from '../expressions/ExpressionInput.tsx'
import { type FieldProblem, partition } from '../field-problems.ts'
import { FieldProblems } from '../schema-form/FieldShell.tsx'
import {
  expressionText,
  isExpressionMode,
  readGroup,
  toExpressionMode,
  toRulesMode,
} from './condition-params.ts'
import { RuleBuilder } from './RuleBuilder.tsx'
import type { RuleGroup } from './rule-tree.ts'

interface ConditionFormProps {
  params: Record<string, unknown>
  onChange(params: Record<string, unknown>): void
  problems: readonly FieldProblem[]
}

/**
 * The `condition.if` editor: rules (the builder) or, toggled, one expression. Rules set aside by
 * the toggle come back when toggling back, for as long as the node stays selected.
 */
export function ConditionForm({ params, onChange, problems }: ConditionFormProps) {
  const id = useId()
  const setAside = useRef<RuleGroup['rules'] | undefined>(undefined)
  const expressionMode = isExpressionMode(params)
  const { own, byKey } = partition(problems, ['expression'])
  const exprProblems = byKey.get('expression') ?? []
  const setMode = (toExpression: boolean) => {
    if (toExpression === expressionMode) return
    if (toExpression) {
      setAside.current = readGroup(params).rules
      onChange(toExpressionMode(params))
    } else onChange(toRulesMode(params, setAside.current))
  }
  return (
    <div className="insp-condition">
      <fieldset className="insp-fieldset insp-mode">
        <legend>Condition</legend>
        <div className="insp-inline">
          <input
            id={`${id}-rules`}
            type="radio"
            name={`${id}-mode`}
            checked={!expressionMode}
            onChange={() => setMode(false)}
          />
          <label htmlFor={`${id}-rules`}>Rules</label>
          <input
            id={`${id}-expr`}
            type="radio"
            name={`${id}-mode`}
            checked={expressionMode}
            onChange={() => setMode(true)}
          />
          <label htmlFor={`${id}-expr`}>Expression</label>
        </div>
      </fieldset>
      {expressionMode ? (
        <div className={`insp-field${exprProblems.length ? ' insp-has-problem' : ''}`}>
          <label htmlFor={`${id}-expression`}>Condition expression</label>
          <ExpressionInput
            id={`${id}-expression`}
            value={expressionText(params)}
            placeholder="{{ nodes.alert.output.score > 70 }}"
            invalid={exprProblems.length > 0}
            describedBy={`${id}-expression-help`}
            onChange={(text) => onChange({ ...params, expression: text })}
          />
          <p id={`${id}-expression-help`} className="insp-help">
            A template that resolves to true or false.
          </p>
          <FieldProblems problems={[...exprProblems, ...own]} />
        </div>
      ) : (
        <RuleBuilder params={params} onChange={onChange} fieldMode="value" problems={problems} />
      )}
    </div>
  )
}
