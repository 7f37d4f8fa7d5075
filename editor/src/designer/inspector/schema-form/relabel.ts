import type { FieldDescriptor } from './descriptor.ts'

/** What may be said better than the schema does: a label, help text, labels for enum options. */
export interface FieldText {
  label?: string
  description?: string
  optionLabels?: Record<string, string>
  /** The value that applies when the field is unset, where the schema leaves it to the runtime. */
  default?: unknown
}

/**
 * Descriptors with friendlier text, by dotted key path (`retry.max`); the shape, limits and
 * defaults still come from the schema.
 * @example relabel(fields, { 'retry.max': { label: 'Retry attempts' } })
 */
export function relabel(
  fields: readonly FieldDescriptor[],
  text: Record<string, FieldText>,
  prefix = '',
): FieldDescriptor[] {
  return fields.map((f) => {
    const path = `${prefix}${f.key}`
    const t = text[path] ?? {}
    const next = {
      ...f,
      ...(t.label ? { label: t.label } : {}),
      ...(t.description ? { description: t.description } : {}),
      ...(t.default !== undefined && f.default === undefined ? { default: t.default } : {}),
    } as FieldDescriptor
    if (next.kind === 'enum' && t.optionLabels) next.optionLabels = t.optionLabels
    if (next.kind === 'object') next.fields = relabel(next.fields, text, `${path}.`)
    if (next.kind === 'list') next.item = { ...next.item, label: next.label }
    return next
  })
}
