import type { FieldDescriptor, Variant } from './descriptor.ts'
import { isRecord } from './values.ts'

/**
 * Which variant a value is: the one whose tag it carries (`auth.kind`), else the first whose kind
 * fits the value's JSON type; -1 when none fits (or the value is absent).
 * @example variantIndex(authVariants, { kind: 'basic' }) // 1
 */
export function variantIndex(variants: readonly Variant[], value: unknown): number {
  if (value === undefined || value === null) return -1
  if (isRecord(value)) {
    const tagged = variants.findIndex((v) => v.tag !== undefined && value[v.tag.key] === v.tag.value)
    if (tagged >= 0) return tagged
  }
  return variants.findIndex((v) => v.tag === undefined && fits(v.field, value))
}

function fits(field: FieldDescriptor, value: unknown): boolean {
  switch (field.kind) {
    case 'text':
    case 'credential':
      return typeof value === 'string'
    case 'number':
      return typeof value === 'number'
    case 'boolean':
      return typeof value === 'boolean'
    case 'enum':
      return field.options.includes(value as never)
    case 'list':
    case 'multi-enum':
      return Array.isArray(value)
    case 'map':
    case 'object':
      return isRecord(value)
    case 'value':
    case 'json':
    case 'variant':
      return true
  }
}
