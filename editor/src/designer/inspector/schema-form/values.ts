import type { FieldDescriptor } from './descriptor.ts'

/** A plain JSON object (not an array, not null). */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/**
 * An object with `key` set to `value`, or without `key` when `value` is `undefined`. Never mutates.
 * @example withKey({ a: 1, b: 2 }, 'a', undefined) // { b: 2 }
 */
export function withKey(obj: unknown, key: string, value: unknown): Record<string, unknown> {
  const base = isRecord(obj) ? obj : {}
  if (value === undefined) {
    if (!(key in base)) return base
    const { [key]: _, ...rest } = base
    return rest
  }
  return { ...base, [key]: value }
}

/** A copy of a list with item `index` replaced. */
export function withItem(list: readonly unknown[], index: number, value: unknown): unknown[] {
  return list.map((item, i) => (i === index ? value : item))
}

/** A copy of a list without item `index`. */
export function withoutItem<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index)
}

/** A copy of a list with item `index` moved by `delta` places (clamped). */
export function moveItem<T>(list: readonly T[], index: number, delta: number): T[] {
  const to = Math.max(0, Math.min(list.length - 1, index + delta))
  if (to === index || list[index] === undefined) return [...list]
  const next = withoutItem(list, index)
  next.splice(to, 0, list[index])
  return next
}

/**
 * The value a new item or a newly chosen variant starts with: the schema default, else an empty
 * value of the right kind (objects get their required fields).
 * @example initialValue({ kind: 'number', min: 1, … }) // 1
 */
export function initialValue(field: FieldDescriptor): unknown {
  if (field.default !== undefined) return structuredClone(field.default)
  switch (field.kind) {
    case 'text':
    case 'credential':
    case 'value':
      return ''
    case 'number':
      return field.min ?? 0
    case 'boolean':
      return false
    case 'enum':
      return field.options[0]
    case 'multi-enum':
    case 'list':
      return []
    case 'map':
      return {}
    case 'object': {
      const out: Record<string, unknown> = {}
      for (const f of field.fields) if (f.required) out[f.key] = initialValue(f)
      return out
    }
    case 'variant':
      return field.variants[0] ? variantInitial(field.variants[0]) : null
    case 'json':
      return null
  }
}

/** The initial value of a variant, with its tag set (`{ kind: 'header', name: '' }`). */
export function variantInitial(variant: {
  field: FieldDescriptor
  tag?: { key: string; value: unknown } | undefined
}) {
  const value = initialValue(variant.field)
  return variant.tag ? { ...(isRecord(value) ? value : {}), [variant.tag.key]: variant.tag.value } : value
}
