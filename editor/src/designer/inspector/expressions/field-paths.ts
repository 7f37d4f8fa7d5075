import { type JsonSchema, resolveRef, typesOf } from '../schema-form/json-schema.ts'
import { isRecord } from '../schema-form/values.ts'

/** One readable path below a root (`.severity`, `.observables.ips`, `.urls[0]`) and what it holds. */
export interface FieldPath {
  suffix: string
  detail: string
}

const MAX_DEPTH = 4
const MAX_PATHS = 150
const IDENT = /^[A-Za-z_$][\w$]*$/

/** Appends a key the way expressions write it: `.key`, or `["odd-key"]`. */
export function appendKey(prefix: string, key: string): string {
  return IDENT.test(key) ? `${prefix}.${key}` : `${prefix}[${JSON.stringify(key)}]`
}

/**
 * The paths a JSON Schema describes (objects' properties, a list's first item), breadth-bounded.
 * @example schemaPaths(toJsonSchema(z.object({ ip: z.string() }), 'output')!) // [{ suffix: '.ip', detail: 'string' }]
 */
export function schemaPaths(root: JsonSchema): FieldPath[] {
  const out: FieldPath[] = []
  const walk = (schema: JsonSchema, prefix: string, depth: number) => {
    const s = resolveRef(schema, root)
    if (depth > MAX_DEPTH || out.length >= MAX_PATHS) return
    const union = s.anyOf ?? s.oneOf
    if (union) {
      for (const option of union) walk(option, prefix, depth)
      return
    }
    if (s.properties) {
      for (const [key, p] of Object.entries(s.properties)) {
        const path = appendKey(prefix, key)
        if (out.length >= MAX_PATHS) return
        if (!out.some((f) => f.suffix === path))
          out.push({ suffix: path, detail: describe(resolveRef(p, root)) })
        walk(p, path, depth + 1)
      }
    }
    if (s.items && !Array.isArray(s.items) && typesOf(s)?.includes('array')) {
      const path = `${prefix}[0]`
      out.push({ suffix: path, detail: describe(resolveRef(s.items, root)) })
      walk(s.items, path, depth + 1)
    }
  }
  walk(root, '', 0)
  return out
}

function describe(s: JsonSchema): string {
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ')
  const types = typesOf(s)?.filter((t) => t !== 'null')
  if (!types || types.length === 0) return s.anyOf || s.oneOf ? 'value' : 'any'
  return types.map((t) => (t === 'array' ? 'list' : t === 'integer' ? 'number' : t)).join(' | ')
}

/**
 * The paths of a sample value (a node type's declared sample), for outputs whose schema says nothing.
 * @example valuePaths({ ok: true }) // [{ suffix: '.ok', detail: 'boolean' }]
 */
export function valuePaths(value: unknown): FieldPath[] {
  const out: FieldPath[] = []
  const walk = (v: unknown, prefix: string, depth: number) => {
    if (depth > MAX_DEPTH || out.length >= MAX_PATHS) return
    if (Array.isArray(v)) {
      if (v.length === 0) return
      out.push({ suffix: `${prefix}[0]`, detail: kindOf(v[0]) })
      walk(v[0], `${prefix}[0]`, depth + 1)
    } else if (isRecord(v)) {
      for (const [key, child] of Object.entries(v)) {
        if (out.length >= MAX_PATHS) return
        const path = appendKey(prefix, key)
        out.push({ suffix: path, detail: kindOf(child) })
        walk(child, path, depth + 1)
      }
    }
  }
  walk(value, '', 0)
  return out
}

function kindOf(v: unknown): string {
  if (Array.isArray(v)) return 'list'
  if (v === null) return 'null'
  return typeof v
}
