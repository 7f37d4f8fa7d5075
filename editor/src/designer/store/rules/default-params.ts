import { z } from 'zod'
import type { NodeType } from '../../../../../runtime/node-type.ts'

/** A JSON Schema fragment as `z.toJSONSchema` writes it (only the keywords read here). */
interface JsonSchema {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  minItems?: number
  enum?: unknown[]
  const?: unknown
  minimum?: number
  exclusiveMinimum?: number
  maximum?: number
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
  $ref?: string
  $defs?: Record<string, JsonSchema>
}

/** Deeper than this, a (recursive) schema gets `{}`: defaults are a starting point, not a proof. */
const MAX_DEPTH = 8

const cache = new WeakMap<NodeType, Record<string, unknown>>()

/**
 * The params a new node of this type starts with: the smallest object its params schema accepts
 * where one exists (required fields only: an enum's first value, a number's minimum, `''`, `false`,
 * `[]`…; fields with a default are left out, the schema fills them). Required text that must be
 * non-empty stays `''`, so the node shows what to fill in. Never throws.
 * @example defaultParams(flowDelay) // { ms: 0 }
 */
export function defaultParams(def: NodeType): Record<string, unknown> {
  let found = cache.get(def)
  if (!found) {
    found = compute(def)
    cache.set(def, found)
  }
  return structuredClone(found)
}

function compute(def: NodeType): Record<string, unknown> {
  let schema: JsonSchema
  try {
    schema = z.toJSONSchema(def.params, { io: 'input', unrepresentable: 'any' }) as JsonSchema
  } catch {
    return {}
  }
  const value = minimal(schema, schema.$defs ?? {}, 0)
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}
}

function minimal(schema: JsonSchema, defs: Record<string, JsonSchema>, depth: number): unknown {
  if (depth > MAX_DEPTH) return undefined
  const ref = schema.$ref?.match(/^#\/\$defs\/(.+)$/)?.[1]
  if (ref !== undefined) return defs[ref] ? minimal(defs[ref], defs, depth + 1) : undefined
  if ('const' in schema) return schema.const
  if (schema.enum && schema.enum.length > 0) return schema.enum[0]
  const choice = schema.anyOf?.[0] ?? schema.oneOf?.[0] ?? schema.allOf?.[0]
  if (choice) return minimal(choice, defs, depth + 1)
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type
  switch (type) {
    case 'object':
      return objectOf(schema, defs, depth)
    case 'array': {
      const count = Math.min(schema.minItems ?? 0, 10)
      const item = schema.items ? minimal(schema.items, defs, depth + 1) : null
      return Array.from({ length: count }, () => structuredClone(item ?? null))
    }
    case 'string':
      return ''
    case 'number':
    case 'integer':
      return numberOf(schema, type)
    case 'boolean':
      return false
    case 'null':
      return null
    default:
      return undefined
  }
}

function objectOf(schema: JsonSchema, defs: Record<string, JsonSchema>, depth: number) {
  const out: Record<string, unknown> = {}
  for (const key of schema.required ?? []) {
    const prop = schema.properties?.[key]
    const value = prop ? minimal(prop, defs, depth + 1) : undefined
    if (value !== undefined) out[key] = value
  }
  return out
}

function numberOf(schema: JsonSchema, type: 'number' | 'integer'): number {
  let n = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 0)
  if (schema.maximum !== undefined && n > schema.maximum) n = schema.maximum
  return type === 'integer' ? Math.ceil(n) : n
}
