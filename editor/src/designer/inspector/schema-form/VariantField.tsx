import { useId } from 'react'
import { FieldList } from './FieldList.tsx'
import { FieldShell } from './FieldShell.tsx'
import type { FieldProps } from './field-props.ts'
import { useFieldRenderer } from './field-renderer.ts'
import { variantInitial } from './values.ts'
import { variantIndex } from './variant-match.ts'

const NONE = ''
const OTHER = 'other'

/**
 * A param of several shapes (`oneOf`/`anyOf`): a select of the shapes ("<label> type"), then the
 * chosen shape's fields. A value of no known shape is shown as JSON so nothing is lost.
 */
export function VariantField({ field, value, onChange, problems }: FieldProps<'variant'>) {
  const Field = useFieldRenderer()
  const id = useId()
  const index = variantIndex(field.variants, value)
  const selected = index >= 0 ? String(index) : value === undefined || value === null ? NONE : OTHER
  const variant = index >= 0 ? field.variants[index] : undefined
  const body = (() => {
    if (selected === OTHER)
      return (
        <Field
          field={{ ...field, kind: 'json', reason: 'no known shape' }}
          value={value}
          onChange={onChange}
          problems={problems}
        />
      )
    if (!variant) return null
    if (variant.field.kind === 'object')
      return (
        <FieldList
          fields={variant.field.fields}
          value={value}
          onChange={onChange}
          problems={problems}
          skip={variant.tag ? [variant.tag.key] : []}
        />
      )
    return (
      <Field
        field={{ ...variant.field, label: field.label, description: undefined }}
        value={value}
        onChange={onChange}
        problems={problems}
      />
    )
  })()
  return (
    <div className="insp-variant">
      <FieldShell
        id={id}
        label={`${field.label} type`}
        description={field.description}
        required={field.required}
        problems={[]}
      >
        <select
          id={id}
          value={selected}
          onChange={(e) => {
            const v = e.target.value
            if (v === OTHER) return
            const chosen = field.variants[Number(v)]
            onChange(v === NONE || !chosen ? undefined : variantInitial(chosen))
          }}
        >
          {!field.required || selected === NONE ? <option value={NONE}>None</option> : null}
          {selected === OTHER ? <option value={OTHER}>Other (JSON)</option> : null}
          {field.variants.map((v, i) => (
            // Two variants may share a label ("Object"); their position tells them apart.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <option key={i} value={String(i)}>
              {v.label}
            </option>
          ))}
        </select>
      </FieldShell>
      {body}
    </div>
  )
}
