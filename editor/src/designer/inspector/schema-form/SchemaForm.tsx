import type { FieldProblem } from '../field-problems.ts'
import type { FieldDescriptor } from './descriptor.ts'
import { Field } from './Field.tsx'
import { FieldList } from './FieldList.tsx'
import { FieldRendererContext } from './field-renderer.ts'

interface SchemaFormProps {
  fields: readonly FieldDescriptor[]
  value: Record<string, unknown>
  onChange(value: Record<string, unknown>): void
  /** Problems relative to `value` (`['url']`, `['headers', 'X-Key']`), shown at their field. */
  problems: readonly FieldProblem[]
  /** Keys another editor shows (a script's code): not rendered here. */
  skip?: readonly string[]
}

/**
 * A form generated from field descriptors (see `describeObject`): every value edited in place,
 * problems at their field, unsupported shapes as JSON.
 * @example <SchemaForm fields={describeObject(toJsonSchema(def.params)!)} value={params} onChange={save} problems={[]} />
 */
export function SchemaForm({ fields, value, onChange, problems, skip }: SchemaFormProps) {
  return (
    <FieldRendererContext.Provider value={Field}>
      <div className="insp-form">
        <FieldList fields={fields} value={value} onChange={onChange} problems={problems} skip={skip} />
      </div>
    </FieldRendererContext.Provider>
  )
}
