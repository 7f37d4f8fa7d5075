import { useId } from 'react'
import { FieldProblems } from './FieldShell.tsx'
import type { FieldProps } from './field-props.ts'

/** Several choices among fixed values (e.g. approver roles): one checkbox each, in schema order. */
export function MultiEnumField({ field, value, onChange, problems }: FieldProps<'multi-enum'>) {
  const id = useId()
  const chosen = Array.isArray(value) ? value : []
  const toggle = (option: unknown, on: boolean) =>
    onChange(field.options.filter((o) => (o === option ? on : chosen.includes(o))))
  return (
    <fieldset
      className="insp-fieldset insp-choices"
      aria-describedby={problems.length ? `${id}-problems` : undefined}
    >
      <legend>{field.label}</legend>
      {field.description ? <p className="insp-help">{field.description}</p> : null}
      {field.options.map((o, i) => (
        <div key={String(o)} className="insp-inline">
          <input
            id={`${id}-${i}`}
            type="checkbox"
            checked={chosen.includes(o)}
            onChange={(e) => toggle(o, e.target.checked)}
          />
          <label htmlFor={`${id}-${i}`}>{String(o)}</label>
        </div>
      ))}
      <FieldProblems id={`${id}-problems`} problems={problems} />
    </fieldset>
  )
}
