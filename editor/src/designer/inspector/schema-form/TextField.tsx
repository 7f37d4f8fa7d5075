import { useId } from 'react'
import { ExpressionInput } from '../expressions/ExpressionInput.tsx'
import { describedBy, FieldShell } from './FieldShell.tsx'
import { defaultPlaceholder, type FieldProps, helpText } from './field-props.ts'
import { formatValue } from './parse-text.ts'

/** A text param: one line or several, and any text may hold `{{ }}` expressions. */
export function TextField({ field, value, onChange, problems }: FieldProps<'text'>) {
  const id = useId()
  const help = helpText(field)
  const text = formatValue(value)
  return (
    <FieldShell id={id} label={field.label} description={help} required={field.required} problems={problems}>
      <ExpressionInput
        id={id}
        value={text}
        multiline={field.multiline || text.includes('\n')}
        onChange={(t) => onChange(t === '' && !field.required ? undefined : t)}
        invalid={problems.length > 0}
        describedBy={describedBy(id, help, problems)}
        placeholder={defaultPlaceholder(field)}
      />
    </FieldShell>
  )
}
