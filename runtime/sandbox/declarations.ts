import { z } from 'zod'

type Schema = z.ZodType | undefined

/** What the editor knows about a script node's context. */
export interface DeclarationSources {
  /** The trigger's payload schema, when the playbook declares one. */
  trigger?: Schema
  /** Output schemas of the upstream nodes, by node id. */
  nodes: Record<string, Schema>
  /** The script node's named inputs. */
  input?: Schema
}

/**
 * TypeScript declarations of the script context for Monaco's `addExtraLib`: `input`, `trigger`,
 * `nodes.<id>.output` (from the nodes' zod output schemas via JSON Schema), `vars`, `item`, `run`,
 * `console` and `lib`.
 * @example createTypeDeclarations({ nodes: { vt: z.object({ malicious: z.number() }) } })
 * // declare const nodes: { "vt": { output: { "malicious": number } } } …
 */
export function createTypeDeclarations(sources: DeclarationSources): string {
  const nodes = Object.entries(sources.nodes)
    .map(([id, schema]) => `  ${JSON.stringify(id)}: { output: ${typeOf(schema, '    ')} }`)
    .join('\n')
  return `declare const input: ${typeOf(sources.input, '')}
declare const trigger: ${typeOf(sources.trigger, '')}
declare const nodes: {
${nodes}
}
declare const vars: Record<string, unknown>
declare const item: unknown
declare const run: { id: string; playbookId: string; mode: 'test' | 'production'; startedAt: number }
declare const console: { log(...a: unknown[]): void; info(...a: unknown[]): void; debug(...a: unknown[]): void; warn(...a: unknown[]): void; error(...a: unknown[]): void }
declare function setTimeout(fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]): number
declare function clearTimeout(id: number): void
declare const lib: {
  ip: { isValid(ip: string): boolean; version(ip: string): 4 | 6 | null; inCidr(ip: string, cidr: string): boolean; isPrivate(ip: string): boolean }
  defang(indicator: string): string
  refang(indicator: string): string
  sha256(text: string): string
}
`
}

function typeOf(schema: Schema, indent: string): string {
  if (!schema) return 'unknown'
  try {
    return jsonSchemaToTs(z.toJSONSchema(schema, { unrepresentable: 'any' }) as JsonSchema, indent)
  } catch {
    return 'unknown'
  }
}

interface JsonSchema {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema | JsonSchema[]
  prefixItems?: JsonSchema[]
  additionalProperties?: boolean | JsonSchema
  enum?: unknown[]
  const?: unknown
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
}

/** Converts the JSON Schema subset zod emits into TypeScript type text. */
export function jsonSchemaToTs(s: JsonSchema | boolean, indent = ''): string {
  if (s === true || s === undefined) return 'unknown'
  if (s === false) return 'never'
  if ('const' in s) return JSON.stringify(s.const)
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ') || 'never'
  const union = s.anyOf ?? s.oneOf
  if (union) return union.map((x) => jsonSchemaToTs(x, indent)).join(' | ')
  if (s.allOf) return s.allOf.map((x) => jsonSchemaToTs(x, indent)).join(' & ')
  if (Array.isArray(s.type)) return s.type.map((t) => jsonSchemaToTs({ ...s, type: t }, indent)).join(' | ')
  switch (s.type) {
    case 'string':
      return 'string'
    case 'number':
    case 'integer':
      return 'number'
    case 'boolean':
      return 'boolean'
    case 'null':
      return 'null'
    case 'array':
      if (s.prefixItems) return `[${s.prefixItems.map((x) => jsonSchemaToTs(x, indent)).join(', ')}]`
      return `Array<${Array.isArray(s.items) ? 'unknown' : jsonSchemaToTs(s.items ?? true, indent)}>`
    case 'object': {
      const inner = `${indent}  `
      const required = new Set(s.required ?? [])
      const lines = Object.entries(s.properties ?? {}).map(
        ([k, v]) => `${inner}${JSON.stringify(k)}${required.has(k) ? '' : '?'}: ${jsonSchemaToTs(v, inner)}`,
      )
      const extra = s.additionalProperties
      if (extra !== undefined && extra !== false)
        lines.push(`${inner}[key: string]: ${jsonSchemaToTs(extra, inner)}`)
      return lines.length ? `{\n${lines.join('\n')}\n${indent}}` : 'Record<string, unknown>'
    }
    default:
      return 'unknown'
  }
}
