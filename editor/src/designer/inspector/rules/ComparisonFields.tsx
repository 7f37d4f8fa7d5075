import type { FieldProblem } from '../field-problems.ts'
import { FieldProblems } from '../schema-form/FieldShell.tsx'
import { OperatorSelect } from './OperatorSelect.tsx'
import { type Operator, takesIgnoreCase } from './operators.ts'
import { RuleValueInput } from './RuleValueInput.tsx'

interface ComparisonFieldsProps {
  /** A prefix for the controls' ids. */
  id: string
  /** Accessible context such as "Rule 2" or "Case 1". */
  context: string
  operator: Operator
  value: unknown
  ignoreCase: boolean
  operatorProblems: readonly FieldProblem[]
  valueProblems: readonly FieldProblem[]
  onOperator(operator: Operator): void
  onValue(value: unknown): void
  onIgnoreCase(on: boolean): void
}

/**
 * The test of a rule or a switch case: the operator (every one, by its label), the value it
 * needs, and "ignore case" where it applies.
 */
export function ComparisonFields(props: ComparisonFieldsProps) {
  const { id, context, operator } = props
  return (
    <>
      <div className="insp-field insp-rule-operator">
        <label htmlFor={`${id}-op`}>
          <span className="insp-sr-only">{`${context} `}</span>Operator
        </label>
        <OperatorSelect id={`${id}-op`} value={operator} onChange={props.onOperator} />
        <FieldProblems problems={props.operatorProblems} />
      </div>
      <RuleValueInput
        id={`${id}-value`}
        context={context}
        operator={operator}
        value={props.value}
        problems={props.valueProblems}
        onChange={props.onValue}
      />
      {takesIgnoreCase(operator) ? (
        <div className="insp-inline insp-rule-case">
          <input
            id={`${id}-case`}
            type="checkbox"
            checked={props.ignoreCase}
            onChange={(e) => props.onIgnoreCase(e.target.checked)}
          />
          <label htmlFor={`${id}-case`}>
            <span className="insp-sr-only">{`${context} `}</span>Ignore case
          </label>
        </div>
      ) : null}
    </>
  )
}
