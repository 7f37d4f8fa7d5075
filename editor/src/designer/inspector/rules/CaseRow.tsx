import { useId } from 'react'
import { type FieldProblem, partition } from '../field-problems.ts'
import { FieldProblems } from '../schema-form/FieldShell.tsx'
import { ComparisonFields } from './ComparisonFields.tsx'
import { type CaseView, caseWithOperator, readCase, writeCase } from './switch-cases.ts'

interface CaseRowProps {
  raw: unknown
  index: number
  onChange(next: Record<string, unknown>): void
  onRemove(): void
  problems: readonly FieldProblem[]
}

/** One `condition.switch` case: its port name, then a test like a rule's (operator and value). */
export function CaseRow({ raw, index, onChange, onRemove, problems }: CaseRowProps) {
  const id = useId()
  const view = readCase(raw)
  const name = `Case ${index + 1}`
  const save = (next: CaseView) => onChange(writeCase(raw, next))
  const { own, byKey } = partition(problems, ['port', 'operator', 'value', 'equals', 'ignoreCase'])
  const portProblems = byKey.get('port') ?? []
  return (
    <fieldset className="insp-rule insp-case">
      <legend className="insp-sr-only">{name}</legend>
      <div className={`insp-field${portProblems.length ? ' insp-has-problem' : ''}`}>
        <label htmlFor={`${id}-port`}>
          <span className="insp-sr-only">{`${name} `}</span>Port
        </label>
        <input
          id={`${id}-port`}
          type="text"
          value={view.port}
          spellCheck={false}
          aria-invalid={portProblems.length > 0 || undefined}
          onChange={(e) => save({ ...view, port: e.target.value })}
        />
        <FieldProblems problems={portProblems} />
      </div>
      <ComparisonFields
        id={id}
        context={name}
        operator={view.operator}
        value={view.value}
        ignoreCase={view.ignoreCase}
        operatorProblems={byKey.get('operator') ?? []}
        valueProblems={[...(byKey.get('value') ?? []), ...(byKey.get('equals') ?? [])]}
        onOperator={(op) => save(caseWithOperator(view, op))}
        onValue={(value) => save({ ...view, value })}
        onIgnoreCase={(on) => save({ ...view, ignoreCase: on })}
      />
      <button
        type="button"
        className="insp-icon-button insp-danger"
        aria-label={`Remove ${name}`}
        onClick={onRemove}
      >
        ✕
      </button>
      <FieldProblems problems={own} />
    </fieldset>
  )
}
