import {
  compileTemplate,
  type PathSegment,
  parsePlainPath,
  resolvePath,
  stringifyForTemplate,
  TemplateSyntaxError,
} from '../../runtime/expr/template.ts'
import { FILTERS, isFilter } from './filters.ts'

/**
 * Expressions inside integration templates: a plain path from a fixed set of roots, optionally
 * followed by filters: `{{ params.ip }}`, `{{ response.body.data.attributes.reputation }}`,
 * `{{ params.url | base64url }}`. Nothing is ever evaluated as code; the same `{{ }}` splitting and
 * path syntax as playbook expressions are reused.
 */

/** Roots of a request template (`params`) and of a response mapping (`params`, `response`). */
export type TemplateRoot = 'params' | 'response'

/** One parsed `{{ }}` expression. */
export interface TemplateExpr {
  source: string
  path: PathSegment[]
  filters: string[]
}

/** A template string split into literal text and expressions. */
export type TemplateParts = (string | TemplateExpr)[]

/**
 * Parses an expression body such as `params.url | base64url`; throws with a readable message.
 * @example parseExpr('params.ip', ['params']) // { source: 'params.ip', path: ['params', 'ip'], filters: [] }
 */
export function parseExpr(source: string, roots: readonly TemplateRoot[]): TemplateExpr {
  const [head = '', ...rest] = source.split('|').map((s) => s.trim())
  const root = /^[A-Za-z_$][\w$]*/.exec(head)?.[0]
  if (!root || !(roots as readonly string[]).includes(root))
    throw new Error(`"{{ ${source} }}" must start with ${roots.map((r) => `"${r}."`).join(' or ')}`)
  // parsePlainPath only knows playbook roots; the path syntax after the root is the same.
  const tail = parsePlainPath(`item${head.slice(root.length)}`)
  if (!tail) throw new Error(`"{{ ${source} }}" is not a plain path (no code in templates)`)
  for (const f of rest)
    if (!isFilter(f))
      throw new Error(`"{{ ${source} }}": unknown filter "${f}" (see nodes/templates/filters.ts)`)
  return { source, path: [root, ...tail.slice(1)], filters: rest }
}

/**
 * Splits a template string into parts, parsing each expression.
 * @example parseParts('/files/{{ params.hash }}', ['params']) // ['/files/', { path: ['params', 'hash'], ... }]
 */
export function parseParts(text: string, roots: readonly TemplateRoot[]): TemplateParts {
  let compiled: ReturnType<typeof compileTemplate>
  try {
    compiled = compileTemplate(text)
  } catch (err) {
    if (err instanceof TemplateSyntaxError) throw new Error(err.message)
    throw err
  }
  if (compiled.kind === 'literal') return [compiled.value]
  const parts = compiled.kind === 'single' ? [compiled.expr] : compiled.parts
  return parts.map((p) => (typeof p === 'string' ? p : parseExpr(p.source, roots)))
}

/** Evaluates one expression against a scope (own properties only, see `resolvePath`). */
export function evalExpr(expr: TemplateExpr, scope: Record<string, unknown>): unknown {
  let value = resolvePath(scope, expr.path)
  for (const f of expr.filters) value = FILTERS[f]!(value)
  return value
}

/**
 * Renders a string template: a string that is exactly one expression keeps its type, otherwise the
 * parts are concatenated, each expression passed through `encode` (identity by default).
 * @example renderString('{{ params.n }}', { params: { n: 3 } }, ['params']) // 3
 */
export function renderString(
  text: string,
  scope: Record<string, unknown>,
  roots: readonly TemplateRoot[],
  encode: (value: unknown, index: number) => string = stringifyForTemplate,
): unknown {
  const parts = parseParts(text, roots)
  const only = parts[0]
  if (parts.length === 1 && typeof only !== 'string' && only) return evalExpr(only, scope)
  return parts.map((p, i) => (typeof p === 'string' ? p : encode(evalExpr(p, scope), i))).join('')
}

/**
 * Renders every string inside a JSON value (objects, arrays); keys are literal.
 * @example renderJson({ ids: ['{{ params.id }}'] }, { params: { id: 'a1' } }, ['params']) // { ids: ['a1'] }
 */
export function renderJson(
  value: unknown,
  scope: Record<string, unknown>,
  roots: readonly TemplateRoot[],
): unknown {
  if (typeof value === 'string') return renderString(value, scope, roots)
  if (Array.isArray(value)) return value.map((v) => renderJson(v, scope, roots))
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) {
      const r = renderJson(v, scope, roots)
      if (r !== undefined) out[k] = r
    }
    return out
  }
  return value
}

/** Every template string inside a JSON value, with its JSON path (for validation messages). */
export function templateStrings(
  value: unknown,
  path: (string | number)[] = [],
): [string, (string | number)[]][] {
  if (typeof value === 'string') return value.includes('{{') ? [[value, path]] : []
  if (Array.isArray(value)) return value.flatMap((v, i) => templateStrings(v, [...path, i]))
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => templateStrings(v, [...path, k]))
  return []
}
