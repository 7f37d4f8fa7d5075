import { type FieldProblem, partition } from '../field-problems.ts'
import { FieldList } from './FieldList.tsx'
import { FieldProblems } from './FieldShell.tsx'
import type { FieldProps } from './field-props.ts'
import { useFieldRenderer } from './field-renderer.ts'
import { MapKeyInput } from './MapKeyInput.tsx'
import { initialValue, isRecord } from './values.ts'

/** A name for a new entry that is not used yet: `name`, `name_2`, … */
function freshKey(taken: readonly string[]): string {
  let n = 1
  while (taken.includes(n === 1 ? 'name' : `name_${n}`)) n++
  return n === 1 ? 'name' : `name_${n}`
}

/**
 * A key/value param (headers, named lists, playbook inputs): one row per entry with its name and
 * its value field (a group for object values); entries can be added, renamed and removed.
 */
export function MapField({ field, value, onChange, problems }: FieldProps<'map'>) {
  const map = isRecord(value) ? value : {}
  const entries = Object.entries(map)
  const keys = entries.map(([k]) => k)
  const { own, byKey } = partition(problems, keys)
  const set = (next: [string, unknown][]) => onChange(Object.fromEntries(next))
  return (
    <fieldset className="insp-fieldset insp-map">
      <legend>{field.label}</legend>
      {field.description ? <p className="insp-help">{field.description}</p> : null}
      {entries.map(([key, entryValue], i) => {
        // Entries are edited in place, renames included: their position is their identity here.
        const context = `${field.label} ${i + 1}`
        return (
          <MapEntry
            key={context}
            field={field}
            name={key}
            value={entryValue}
            taken={keys}
            context={context}
            problems={byKey.get(key) ?? []}
            onRename={(next) => set(entries.map(([k, v]) => [k === key ? next : k, v]))}
            onChange={(v) =>
              set(
                entries.map(([k, old]) => [
                  k,
                  k === key ? (v === undefined ? initialValue(field.value) : v) : old,
                ]),
              )
            }
            onRemove={() => set(entries.filter(([k]) => k !== key))}
          />
        )
      })}
      <button
        type="button"
        className="insp-add"
        onClick={() => set([...entries, [freshKey(keys), initialValue(field.value)]])}
      >
        {`Add to ${field.label}`}
      </button>
      <FieldProblems problems={own} />
    </fieldset>
  )
}

interface MapEntryProps {
  field: FieldProps<'map'>['field']
  name: string
  value: unknown
  taken: readonly string[]
  context: string
  problems: readonly FieldProblem[]
  onRename(next: string): void
  onChange(value: unknown): void
  onRemove(): void
}

/** One entry: its name and value side by side, or a group (name on top) for object values. */
function MapEntry({
  field,
  name,
  value,
  taken,
  context,
  problems,
  onRename,
  onChange,
  onRemove,
}: MapEntryProps) {
  const Field = useFieldRenderer()
  const keyInput = <MapKeyInput name={name} taken={taken} context={context} onRename={onRename} />
  const remove = (
    <button
      type="button"
      className="insp-icon-button insp-danger"
      aria-label={`Remove ${name} from ${field.label}`}
      onClick={onRemove}
    >
      ✕
    </button>
  )
  if (field.value.kind === 'object')
    return (
      <fieldset className="insp-fieldset insp-group">
        <legend>{name}</legend>
        <div className="insp-map-row">
          {keyInput}
          {remove}
        </div>
        <FieldList fields={field.value.fields} value={value} onChange={onChange} problems={problems} />
      </fieldset>
    )
  return (
    <div className="insp-map-row">
      {keyInput}
      <Field
        field={{ ...field.value, label: name, required: false, default: undefined }}
        value={value}
        onChange={onChange}
        problems={problems}
      />
      {remove}
    </div>
  )
}
