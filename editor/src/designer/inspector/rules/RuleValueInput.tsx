import { ExpressionInput } from '../expressions/ExpressionInput.tsx'
import type { FieldProblem } from '../field-problems.ts'
import { FieldProblems } from '../schema-form/FieldShell.tsx'
import { formatValue } from '../schema-form/parse-text.ts'
import { useDraft } from '../use-draft.ts'
import { formatListText, parseListText } from './list-text.ts'
import { type Operator, valueFromText, valueKind } from './operators.ts'

interface RuleValueInputProps {
  id: string
  /** Accessible context such as "Rule 2". */
  context: string
  operator: Operator
  value: unknown
  onChange(value: unknown): void
  problems: readonly FieldProblem[]
}

/**
 * The value a rule compares with, shaped by its operator: nothing for exists / is empty, one item
 * per line for "is in list" and "in network (CIDR)" (CIDRs checked as typed), a number for
 * comparisons, text (or an expression) otherwise.
 */
export function RuleValueInput({ id, context, operator, value, onChange, problems }: RuleValueInputProps) {
  const kind = valueKind(operator)
  const isList = kind === 'list' || kind === 'cidr'
  const [text, setDraft] = useDraft(value, isList ? formatListText : formatValue)
  if (kind === 'none') return null
  const parsed = isList ? parseListText(text, kind === 'cidr') : undefined
  const shown: FieldProblem[] =
    parsed && !parsed.ok
      ? [{ path: [], message: parsed.error, severity: 'error', code: 'INPUT' }, ...problems]
      : [...problems]
  const label = kind === 'cidr' ? 'Networks (one per line)' : isList ? 'Values (one per line)' : 'Value'
  return (
    <div className={`insp-field insp-rule-value${shown.length ? ' insp-has-problem' : ''}`}>
      <label htmlFor={id}>
        <span className="insp-sr-only">{`${context} `}</span>
        {label}
      </label>
      <ExpressionInput
        id={id}
        value={text}
        multiline={isList}
        inputMode={kind === 'number' ? 'decimal' : 'text'}
        placeholder={kind === 'cidr' ? '10.0.0.0/8' : kind === 'pattern' ? '^evil\\.' : undefined}
        invalid={shown.length > 0}
        describedBy={shown.length ? `${id}-problems` : undefined}
        onChange={(t) => {
          if (!isList) {
            const next = valueFromText(t, operator)
            setDraft(t, { value: next })
            return onChange(next)
          }
          const next = parseListText(t, kind === 'cidr')
          if (!next.ok) return setDraft(t)
          setDraft(t, { value: next.value })
          onChange(next.value)
        }}
      />
      <FieldProblems id={`${id}-problems`} problems={shown} />
    </div>
  )
}
