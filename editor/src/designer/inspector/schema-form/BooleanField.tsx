import { useId } from 'react'
import { describedBy, FieldShell } from './FieldShell.tsx'
import type { FieldProps } from './field-props.ts'

/** A yes/no param as a checkbox; unticking an optional flag without a default removes it. */
export function BooleanField({ field, value, onChange, problems }: FieldProps<'boolean'>) {
  const id = useId()
  const checked = typeof value === 'boolean' ? value : field.default === true
  return (
    <FieldShell id={id} label={field.label} description={field.description} problems={problems} inline>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-invalid={problems.length > 0 || undefined}
        aria-describedby={describedBy(id, field.description, problems)}
        onChange={(e) =>
          onChange(
            !e.target.checked && field.default === undefined && !field.required
              ? undefined
              : e.target.checked,
          )
        }
      />
    </FieldShell>
  )
}
