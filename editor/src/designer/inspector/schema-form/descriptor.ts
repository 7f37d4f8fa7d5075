import { humanize } from './humanize.ts'
import { isAnySchema, type JsonSchema, resolveRef, typesOf } from './json-schema.ts'

/** A value an enum option or a tag can take. */
export type Scalar = string | number | boolean

interface FieldBase {
  key: string
  label: string
  description?: string | undefined
  required: boolean
  default?: unknown
}

/** One choice of a variant field (`oneOf`/`anyOf`): a label and the field to show when chosen. */
export interface Variant {
  label: string
  field: FieldDescriptor
  /** The property whose constant tells the variants apart (`auth.kind: 'bearer'`). */
  tag?: { key: string; value: Scalar } | undefined
}

/**
 * What a form shows for one value, derived from JSON Schema: the kinds of field the inspector can
 * render. `json` is the fallback for shapes it does not support (a JSON editor, never a crash).
 */
export type FieldDescriptor =
  | (FieldBase & { kind: 'text'; multiline: boolean })
  | (FieldBase & { kind: 'number'; integer: boolean; min?: number | undefined; max?: number | undefined })
  | (FieldBase & { kind: 'boolean' })
  | (FieldBase & { kind: 'enum'; options: Scalar[]; optionLabels?: Record<string, string> })
  | (FieldBase & { kind: 'multi-enum'; options: Scalar[] })
  | (FieldBase & { kind: 'credential'; credentialType?: string | undefined })
  /** Free text, an expression, or (for `accepts: undefined`) any JSON value typed as JSON. */
  | (FieldBase & { kind: 'value'; accepts?: string[] | undefined; multiline: boolean })
  | (FieldBase & { kind: 'list'; item: FieldDescriptor })
  | (FieldBase & { kind: 'map'; value: FieldDescriptor })
  | (FieldBase & { kind: 'object'; fields: FieldDescriptor[] })
  | (FieldBase & { kind: 'variant'; variants: Variant[] })
  | (FieldBase & { kind: 'json'; reason: string })

export type FieldKind = FieldDescriptor['kind']

/** Nesting beyond this is shown as JSON (recursive schemas such as rule groups). */
const MAX_DEPTH = 6
const PRIMITIVES = new Set(['string', 'number', 'integer', 'boolean'])
const LONG_TEXT = /(^|[a-z_])(message|text|html|body|description|comment|code|script|content|notes?)$/i
const CREDENTIAL_KEYS = /^(credential|credentialName|.+Credential)$/

/**
 * The fields of an object schema (a node's params), in declaration order.
 * @example describeObject(toJsonSchema(z.object({ url: z.string() }))!)[0] // { kind: 'text', key: 'url', … }
 */
export function describeObject(root: JsonSchema): FieldDescriptor[] {
  const required = new Set(root.required ?? [])
  return Object.entries(root.properties ?? {}).map(([key, s]) =>
    describeField(key, s, required.has(key), root, 0),
  )
}

/** Describes one value; unsupported shapes become `json` fields with the reason. */
export function describeField(
  key: string,
  schema: JsonSchema,
  required: boolean,
  root: JsonSchema,
  depth: number,
): FieldDescriptor {
  const s = resolveRef(schema, root)
  const base: FieldBase = {
    key,
    label: s.title ?? humanize(key),
    description: s.description,
    required,
    ...(s.default === undefined ? {} : { default: s.default }),
  }
  if (depth > MAX_DEPTH || s.$ref) return { ...base, kind: 'json', reason: 'nested too deeply' }
  if (isCredential(key, s)) return { ...base, kind: 'credential', credentialType: credentialTypeOf(s) }
  if (s.const !== undefined) return enumOrJson(base, [s.const])
  if (s.enum) return enumOrJson(base, s.enum)
  const union = s.anyOf ?? s.oneOf
  if (union) return describeUnion(base, union, root, depth)
  if (s.allOf) return { ...base, kind: 'json', reason: 'combined schemas (allOf)' }
  const types = typesOf(s)?.filter((t) => t !== 'null')
  if (types === undefined)
    return isAnySchema(s)
      ? { ...base, kind: 'value', multiline: LONG_TEXT.test(key) }
      : { ...base, kind: 'json', reason: 'unsupported schema' }
  if (types.length === 0) return { ...base, kind: 'json', reason: 'always null' }
  if (types.length !== 1)
    return types.every((t) => PRIMITIVES.has(t))
      ? { ...base, kind: 'value', accepts: types, multiline: false }
      : { ...base, kind: 'json', reason: 'a value of several types' }
  switch (types[0]) {
    case 'string':
      return { ...base, kind: 'text', multiline: LONG_TEXT.test(key) }
    case 'number':
    case 'integer':
      return { ...base, kind: 'number', integer: types[0] === 'integer', min: minOf(s), max: maxOf(s) }
    case 'boolean':
      return { ...base, kind: 'boolean' }
    case 'array':
      return describeArray(base, s, root, depth)
    case 'object':
      return describeObjectField(base, s, root, depth)
    default:
      return { ...base, kind: 'json', reason: `type ${types[0]}` }
  }
}

function describeArray(base: FieldBase, s: JsonSchema, root: JsonSchema, depth: number): FieldDescriptor {
  if (s.prefixItems || Array.isArray(s.items) || !s.items)
    return { ...base, kind: 'json', reason: 'a tuple or untyped list' }
  const item = describeField('item', s.items, true, root, depth + 1)
  if (item.kind === 'enum') return { ...base, kind: 'multi-enum', options: item.options }
  return { ...base, kind: 'list', item: { ...item, label: base.label } }
}

function describeObjectField(
  base: FieldBase,
  s: JsonSchema,
  root: JsonSchema,
  depth: number,
): FieldDescriptor {
  const extra = s.additionalProperties
  const hasProps = s.properties !== undefined && Object.keys(s.properties).length > 0
  if (!hasProps && extra !== undefined && extra !== false) {
    const valueSchema = extra === true ? {} : extra
    return { ...base, kind: 'map', value: describeField('value', valueSchema, true, root, depth + 1) }
  }
  if (hasProps && extra !== undefined && extra !== false)
    return { ...base, kind: 'json', reason: 'an object with extra keys' }
  const required = new Set(s.required ?? [])
  const fields = Object.entries(s.properties ?? {}).map(([k, p]) =>
    describeField(k, p, required.has(k), root, depth + 1),
  )
  return { ...base, kind: 'object', fields }
}

function describeUnion(
  base: FieldBase,
  union: JsonSchema[],
  root: JsonSchema,
  depth: number,
): FieldDescriptor {
  const options = union.map((o) => resolveRef(o, root)).filter((o) => !(o.type === 'null'))
  const only = options[0]
  if (options.length === 1 && only) {
    const field = describeField(base.key, only, base.required, root, depth)
    return { ...field, label: base.label, description: base.description ?? field.description }
  }
  if (options.every(isPlainPrimitive)) {
    const accepts = [...new Set(options.flatMap((o) => typesOf(o) ?? []))]
    return { ...base, kind: 'value', accepts, multiline: false }
  }
  const variants = options.map((o, i): Variant => {
    const field = describeField(base.key, o, true, root, depth + 1)
    const tag = tagOf(o)
    return { label: tag ? String(tag.value) : (o.title ?? kindLabel(field, i)), field, tag }
  })
  return { ...base, kind: 'variant', variants }
}

function isPlainPrimitive(s: JsonSchema): boolean {
  const types = typesOf(s)
  return (types?.every((t) => PRIMITIVES.has(t)) ?? false) && s.enum === undefined && s.const === undefined
}

/** The property whose `const` names an object variant (`{ kind: { const: 'bearer' } }`). */
function tagOf(s: JsonSchema): Variant['tag'] {
  for (const [key, p] of Object.entries(s.properties ?? {})) {
    if (isScalar(p.const)) return { key, value: p.const }
  }
  return undefined
}

function kindLabel(field: FieldDescriptor, index: number): string {
  switch (field.kind) {
    case 'text':
      return 'Text'
    case 'number':
      return 'Number'
    case 'boolean':
      return 'Yes / no'
    case 'list':
    case 'multi-enum':
      return 'List'
    case 'map':
    case 'object':
      return 'Object'
    default:
      return `Option ${index + 1}`
  }
}

function enumOrJson(base: FieldBase, values: unknown[]): FieldDescriptor {
  const options = values.filter(isScalar)
  if (options.length !== values.length || options.length === 0)
    return { ...base, kind: 'json', reason: 'choices that are not plain values' }
  return { ...base, kind: 'enum', options }
}

function isScalar(v: unknown): v is Scalar {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
}

function isCredential(key: string, s: JsonSchema): boolean {
  if (s['x-credential']) return true
  const types = typesOf(s)
  return CREDENTIAL_KEYS.test(key) && (types === undefined || types.includes('string'))
}

/** Templates describe their credential param as "Name of the stored credential (type vt-api-key)". */
function credentialTypeOf(s: JsonSchema): string | undefined {
  if (typeof s['x-credential'] === 'string') return s['x-credential']
  return /\(type ([^)\s]+)\)/.exec(s.description ?? '')?.[1]
}

function minOf(s: JsonSchema): number | undefined {
  return s.minimum ?? s.exclusiveMinimum
}

function maxOf(s: JsonSchema): number | undefined {
  const max = s.maximum ?? s.exclusiveMaximum
  // zod writes Number.MAX_SAFE_INTEGER for "any safe integer": not a limit worth showing.
  return max !== undefined && max >= Number.MAX_SAFE_INTEGER ? undefined : max
}
