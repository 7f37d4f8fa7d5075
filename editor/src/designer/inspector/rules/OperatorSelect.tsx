import { OPERATOR_LABELS, OPERATORS, type Operator } from './operators.ts'

interface OperatorSelectProps {
  id: string
  value: Operator
  onChange(operator: Operator): void
}

/** Every operator the rules support, by its human label. */
export function OperatorSelect({ id, value, onChange }: OperatorSelectProps) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value as Operator)}>
      {OPERATORS.map((op) => (
        <option key={op} value={op}>
          {OPERATOR_LABELS[op]}
        </option>
      ))}
    </select>
  )
}
