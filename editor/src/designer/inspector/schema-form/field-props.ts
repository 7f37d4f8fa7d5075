import type { FieldProblem } from '../field-problems.ts'
import type { FieldDescriptor, FieldKind } from './descriptor.ts'

/** The props of every field component: its descriptor, value, change callback and problems. */
export interface FieldProps<K extends FieldKind = FieldKind> {
  field: Extract<FieldDescriptor, { kind: K }>
  value: unknown
  /** The new value; `undefined` removes the key (the schema default then applies). */
  onChange(value: unknown): void
  problems: readonly FieldProblem[]
}

/** The help under a field: the schema's description, and the allowed range of a number. */
export function helpText(field: FieldDescriptor): string | undefined {
  const parts = [field.description?.replace(/([^.!?:])$/, '$1.')]
  if (field.kind === 'number' && (field.min !== undefined || field.max !== undefined)) {
    const range =
      field.min !== undefined && field.max !== undefined
        ? `From ${field.min} to ${field.max}.`
        : field.min !== undefined
          ? `At least ${field.min}.`
          : `At most ${field.max}.`
    parts.push(range)
  }
  const text = parts.filter(Boolean).join(' ')
  return text === '' ? undefined : text
}

/** A placeholder showing the default that applies when the field is left empty. */
export function defaultPlaceholder(field: FieldDescriptor): string | undefined {
  if (field.default === undefined || field.default === null) return undefined
  const shown = typeof field.default === 'string' ? field.default : JSON.stringify(field.default)
  return shown === '' || shown.length > 60 ? undefined : `Default: ${shown}`
}
