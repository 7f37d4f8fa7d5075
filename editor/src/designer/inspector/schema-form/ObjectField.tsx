import { FieldList } from './FieldList.tsx'
import type { FieldProps } from './field-props.ts'

/** A nested object param as a fieldset of its fields; an optional object left empty is removed. */
export function ObjectField({ field, value, onChange, problems }: FieldProps<'object'>) {
  return (
    <fieldset className="insp-fieldset">
      <legend>{field.label}</legend>
      {field.description ? <p className="insp-help">{field.description}</p> : null}
      <FieldList
        fields={field.fields}
        value={value}
        problems={problems}
        onChange={(next) => onChange(Object.keys(next).length === 0 && !field.required ? undefined : next)}
      />
    </fieldset>
  )
}
