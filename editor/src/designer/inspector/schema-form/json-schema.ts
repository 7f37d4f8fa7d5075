import { z } from 'zod'

/** The subset of JSON Schema (draft 2020-12) that `z.toJSONSchema` emits and the forms read. */
export interface JsonSchema {
  type?: string | string[]
  title?: string
  description?: string
  default?: unknown
  const?: unknown
  enum?: unknown[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  additionalProperties?: boolean | JsonSchema
  propertyNames?: JsonSchema
  items?: JsonSchema | JsonSchema[]
  prefixItems?: JsonSchema[]
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
  $ref?: string
  $defs?: Record<string, JsonSchema>
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  minLength?: number
  maxLength?: number
  minItems?: number
  maxItems?: number
  pattern?: string
  format?: string
  /** A hint a node may set (through zod's `.meta()`) on a param that names a stored credential. */
  'x-credential'?: boolean | string
}

/**
 * The JSON Schema of a zod schema as input (what a user writes: defaults optional), or `undefined`
 * when zod cannot represent it; never throws.
 * @example toJsonSchema(z.object({ ip: z.string() }))?.properties?.ip // { type: 'string' }
 */
export function toJsonSchema(schema: z.ZodType | undefined, io: 'input' | 'output' = 'input') {
  if (!schema) return undefined
  try {
    return z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema
  } catch {
    return undefined
  }
}

/**
 * Follows a local `$ref` (`#/$defs/name`) against the root schema; other refs are left as they are
 * (the form shows a JSON editor for them).
 */
export function resolveRef(schema: JsonSchema, root: JsonSchema): JsonSchema {
  const ref = schema.$ref
  if (!ref?.startsWith('#/$defs/')) return schema
  const target = root.$defs?.[ref.slice('#/$defs/'.length)]
  if (!target) return schema
  const { $ref: _, ...rest } = schema
  return { ...target, ...rest }
}

/** The JSON types a schema allows, `undefined` for any. */
export function typesOf(schema: JsonSchema): string[] | undefined {
  if (schema.type === undefined) return undefined
  return Array.isArray(schema.type) ? schema.type : [schema.type]
}

const ANNOTATIONS = new Set([
  'title',
  'description',
  'default',
  'examples',
  '$schema',
  'x-credential',
  'readOnly',
])

/** True for a schema that says nothing (any JSON value): it holds annotations only. */
export function isAnySchema(schema: JsonSchema): boolean {
  return Object.keys(schema).every((k) => ANNOTATIONS.has(k))
}
