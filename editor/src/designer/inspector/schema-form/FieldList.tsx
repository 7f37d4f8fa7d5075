import { type FieldProblem, partition } from '../field-problems.ts'
import type { FieldDescriptor } from './descriptor.ts'
import { FieldProblems } from './FieldShell.tsx'
import { useFieldRenderer } from './field-renderer.ts'
import { isRecord, withKey } from './values.ts'

interface FieldListProps {
  fields: readonly FieldDescriptor[]
  value: unknown
  onChange(value: Record<string, unknown>): void
  problems: readonly FieldProblem[]
  /** Keys shown elsewhere (a tag chosen by a variant select, a custom editor); their problems too. */
  skip?: readonly string[]
}

/**
 * The fields of one object value, each with the problems under its key; problems at the object
 * itself or under keys no field shows are listed after the fields.
 */
export function FieldList({ fields, value, onChange, problems, skip = [] }: FieldListProps) {
  const Field = useFieldRenderer()
  const obj = isRecord(value) ? value : {}
  const { own, byKey } = partition(
    problems,
    fields.map((f) => f.key),
  )
  return (
    <>
      {fields
        .filter((f) => !skip.includes(f.key))
        .map((f) => (
          <Field
            key={f.key}
            field={f}
            value={obj[f.key]}
            onChange={(v) => onChange(withKey(obj, f.key, v))}
            problems={byKey.get(f.key) ?? []}
          />
        ))}
      <FieldProblems problems={own} />
    </>
  )
}
