import { useId } from 'react'
import { ExpressionInput } from '../expressions/ExpressionInput.tsx'
import { type FieldProblem, partition } from '../field-problems.ts'
import { FieldProblems } from '../schema-form/FieldShell.tsx'
import { formatValue } from '../schema-form/parse-text.ts'
import { withItem, withoutItem } from '../schema-form/values.ts'
import { CaseRow } from './CaseRow.tsx'
import { newCase } from './switch-cases.ts'
import './rules.css'

interface SwitchFormProps {
  params: Record<string, unknown>
  onChange(params: Record<string, unknown>): void
  problems: readonly FieldProblem[]
}

/**
 * The `condition.switch` editor: the value to route on (chosen from the suggestions), then cases
 * in order, each a port and a test; `default` fires when none matches.
 */
export function SwitchForm({ params, onChange, problems }: SwitchFormProps) {
  const id = useId()
  const cases = Array.isArray(params.cases) ? params.cases : []
  const { own, byKey } = partition(problems, ['value', 'cases'])
  const { own: listProblems, byKey: byCase } = partition(
    byKey.get('cases') ?? [],
    cases.map((_, i) => i),
  )
  const valueProblems = byKey.get('value') ?? []
  const setCases = (next: unknown[]) => onChange({ ...params, cases: next })
  return (
    <div className="insp-switch">
      <div className={`insp-field${valueProblems.length ? ' insp-has-problem' : ''}`}>
        <label htmlFor={`${id}-value`}>Value to route on</label>
        <ExpressionInput
          id={`${id}-value`}
          value={formatValue(params.value)}
          bare
          placeholder="Choose a field…"
          invalid={valueProblems.length > 0}
          onChange={(text) => onChange({ ...params, value: text })}
        />
        <FieldProblems problems={valueProblems} />
      </div>
      <fieldset className="insp-fieldset">
        <legend>Cases</legend>
        <p className="insp-help">
          The first matching case fires its port; "default" fires when none matches.
        </p>
        {cases.map((c, i) => (
          <CaseRow
            // Cases have no identity of their own: position is what the user sees and edits.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            key={i}
            raw={c}
            index={i}
            problems={byCase.get(i) ?? []}
            onChange={(next) => setCases(withItem(cases, i, next))}
            onRemove={() => setCases(withoutItem(cases, i))}
          />
        ))}
        <button type="button" className="insp-add" onClick={() => setCases([...cases, newCase(cases)])}>
          Add case
        </button>
        <FieldProblems problems={[...listProblems, ...own]} />
      </fieldset>
    </div>
  )
}
