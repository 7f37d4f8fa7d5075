import { useId } from 'react'
import { describedBy, FieldShell } from './FieldShell.tsx'
import type { FieldProps } from './field-props.ts'

// Option values are the choices as text; these two cannot clash with a real choice's text.
const UNSET = '—unset—'
const OTHER = '—other—'

/**
 * A choice among fixed values. Optional choices can be left unset (the default applies); a stored
 * value that is not a choice (an old or hand-written one) stays visible until another is picked.
 */
export function EnumField({ field, value, onChange, problems }: FieldProps<'enum'>) {
  const id = useId()
  const index = field.options.indexOf(value as never)
  const unsettable = !field.required || field.default !== undefined
  const selected = index >= 0 ? String(field.options[index]) : value === undefined ? UNSET : OTHER
  const labelOf = (o: unknown) => field.optionLabels?.[String(o)] ?? String(o)
  return (
    <FieldShell
      id={id}
      label={field.label}
      description={field.description}
      required={field.required}
      problems={problems}
    >
      <select
        id={id}
        value={selected}
        aria-invalid={problems.length > 0 || undefined}
        aria-describedby={describedBy(id, field.description, problems)}
        onChange={(e) => {
          const v = e.target.value
          if (v === OTHER) return
          onChange(v === UNSET ? undefined : field.options.find((o) => String(o) === v))
        }}
      >
        {unsettable || selected === UNSET ? (
          <option value={UNSET}>
            {field.default !== undefined ? `Default (${labelOf(field.default)})` : '—'}
          </option>
        ) : null}
        {selected === OTHER ? (
          <option value={OTHER}>{`${JSON.stringify(value)} (not a choice)`}</option>
        ) : null}
        {field.options.map((o) => (
          <option key={String(o)} value={String(o)}>
            {labelOf(o)}
          </option>
        ))}
      </select>
    </FieldShell>
  )
}
