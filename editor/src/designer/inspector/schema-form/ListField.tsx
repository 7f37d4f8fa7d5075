import { useId } from 'react'
import { partition } from '../field-problems.ts'
import type { FieldDescriptor } from './descriptor.ts'
import { FieldList } from './FieldList.tsx'
import { FieldProblems } from './FieldShell.tsx'
import type { FieldProps } from './field-props.ts'
import { useFieldRenderer } from './field-renderer.ts'
import { initialValue, moveItem, withItem, withoutItem } from './values.ts'

const SCALAR_KINDS = new Set(['text', 'number', 'boolean', 'enum', 'credential', 'value'])

/** The field of item `i`, labelled "<list label> <n>". */
function itemField(item: FieldDescriptor, label: string, i: number): FieldDescriptor {
  return { ...item, label: `${label} ${i + 1}`, required: false, default: undefined, description: undefined }
}

/**
 * A list param: rows for plain values (strings, numbers…), a repeatable group for objects and other
 * nested values; items can be added, removed and moved. Problems are shown at their item.
 */
export function ListField({ field, value, onChange, problems }: FieldProps<'list'>) {
  const Field = useFieldRenderer()
  const id = useId()
  const items = Array.isArray(value) ? value : []
  const { own, byKey } = partition(
    problems,
    items.map((_, i) => i),
  )
  const grouped = !SCALAR_KINDS.has(field.item.kind)
  const itemLabel = (i: number) => `${field.label} ${i + 1}`
  const actions = (i: number) => (
    <div className="insp-item-actions">
      <button
        type="button"
        className="insp-icon-button"
        aria-label={`Move ${itemLabel(i)} up`}
        disabled={i === 0}
        onClick={() => onChange(moveItem(items, i, -1))}
      >
        ↑
      </button>
      <button
        type="button"
        className="insp-icon-button"
        aria-label={`Move ${itemLabel(i)} down`}
        disabled={i === items.length - 1}
        onClick={() => onChange(moveItem(items, i, 1))}
      >
        ↓
      </button>
      <button
        type="button"
        className="insp-icon-button insp-danger"
        aria-label={`Remove ${itemLabel(i)}`}
        onClick={() => onChange(withoutItem(items, i))}
      >
        ✕
      </button>
    </div>
  )
  return (
    <fieldset
      className="insp-fieldset insp-list"
      aria-describedby={own.length ? `${id}-problems` : undefined}
    >
      <legend>{field.label}</legend>
      {field.description ? <p className="insp-help">{field.description}</p> : null}
      {items.map((item, i) => {
        const itemProblems = byKey.get(i) ?? []
        // An item stays in the list while it exists: clearing it leaves an empty value, not a hole.
        const change = (v: unknown) =>
          onChange(withItem(items, i, v === undefined ? initialValue(field.item) : v))
        return grouped ? (
          // Items have no identity of their own: position is what the user sees and edits.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <fieldset key={i} className="insp-fieldset insp-group">
            <legend>{itemLabel(i)}</legend>
            {actions(i)}
            {field.item.kind === 'object' ? (
              <FieldList fields={field.item.fields} value={item} onChange={change} problems={itemProblems} />
            ) : (
              <Field
                field={itemField(field.item, field.label, i)}
                value={item}
                onChange={change}
                problems={itemProblems}
              />
            )}
          </fieldset>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <div key={i} className="insp-list-row">
            <Field
              field={itemField(field.item, field.label, i)}
              value={item}
              onChange={change}
              problems={itemProblems}
            />
            {actions(i)}
          </div>
        )
      })}
      <button
        type="button"
        className="insp-add"
        onClick={() => onChange([...items, initialValue(field.item)])}
      >
        {`Add to ${field.label}`}
      </button>
      <FieldProblems id={`${id}-problems`} problems={own} />
    </fieldset>
  )
}
