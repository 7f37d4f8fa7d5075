/**
 * `{{ ... }}` templates inside string params. A plain path (`trigger.src_ip`, `nodes.vt.output[0]`)
 * is resolved natively; anything else is handed to an injected evaluator (the QuickJS sandbox).
 * Nothing here ever evaluates code on the host.
 */

/** Roots an expression may start from. */
export const EXPRESSION_ROOTS = ['trigger', 'nodes', 'vars', 'item', 'run'] as const

export type PathSegment = string | number

export interface Expr {
  /** The expression text between the braces, trimmed. */
  source: string
  /** Set when the expression is a plain path: resolved without the sandbox. */
  path?: PathSegment[]
}

export type Compiled =
  | { kind: 'literal'; value: string }
  | { kind: 'single'; expr: Expr }
  | { kind: 'mixed'; parts: (string | Expr)[] }

/** Thrown for a template whose braces do not close. */
export class TemplateSyntaxError extends Error {
  readonly code = 'EXPRESSION_SYNTAX'
}

const cache = new Map<string, Compiled>()
const CACHE_LIMIT = 10_000

/** True if the string contains a `{{`, i.e. may be a template. */
export function hasTemplate(s: string): boolean {
  return s.includes('{{')
}

/**
 * Splits a template into literal text and expressions; cached per distinct string.
 * @example compileTemplate('{{ trigger.ip }}') // { kind: 'single', expr: { source: 'trigger.ip', path: ['trigger', 'ip'] } }
 */
export function compileTemplate(text: string): Compiled {
  const hit = cache.get(text)
  if (hit) return hit
  const compiled = compile(text)
  if (cache.size >= CACHE_LIMIT) cache.clear()
  cache.set(text, compiled)
  return compiled
}

function compile(text: string): Compiled {
  if (!text.includes('{{')) return { kind: 'literal', value: text }
  const parts: (string | Expr)[] = []
  let i = 0
  while (i < text.length) {
    const open = text.indexOf('{{', i)
    if (open < 0) {
      parts.push(text.slice(i))
      break
    }
    if (open > i) parts.push(text.slice(i, open))
    const close = findClose(text, open + 2)
    if (close < 0) throw new TemplateSyntaxError(`unclosed "{{" at character ${open}`)
    const source = text.slice(open + 2, close).trim()
    if (source === '') throw new TemplateSyntaxError(`empty expression "{{ }}" at character ${open}`)
    const path = parsePlainPath(source)
    parts.push(path ? { source, path } : { source })
    i = close + 2
  }
  const first = parts[0]
  if (parts.length === 1 && first !== undefined && typeof first !== 'string')
    return { kind: 'single', expr: first }
  return { kind: 'mixed', parts }
}

/** Finds the `}}` that closes an expression, skipping string literals and nested braces. */
function findClose(text: string, from: number): number {
  let depth = 0
  let quote = ''
  for (let i = from; i < text.length; i++) {
    const c = text[i]
    if (quote) {
      if (c === '\\') i++
      else if (c === quote) quote = ''
      continue
    }
    if (c === '"' || c === "'" || c === '`') quote = c
    else if (c === '{') depth++
    else if (c === '}') {
      if (depth === 0 && text[i + 1] === '}') return i
      if (depth > 0) depth--
    }
  }
  return -1
}

const IDENT = /^[A-Za-z_$][\w$]*/
const ROOTS: ReadonlySet<string> = new Set(EXPRESSION_ROOTS)

/** Parses `root.a.b[0]['c-d']` into segments, or returns undefined if it is not a plain path. */
export function parsePlainPath(source: string): PathSegment[] | undefined {
  const head = IDENT.exec(source)
  if (!head || !ROOTS.has(head[0])) return undefined
  const path: PathSegment[] = [head[0]]
  let i = head[0].length
  while (i < source.length) {
    const c = source[i]
    if (c === '.') {
      const m = IDENT.exec(source.slice(i + 1))
      if (!m) return undefined
      path.push(m[0])
      i += 1 + m[0].length
    } else if (c === '[') {
      const m = /^\[(?:(\d{1,9})|'([^'\\]*)'|"([^"\\]*)")\]/.exec(source.slice(i))
      if (!m) return undefined
      path.push(m[1] !== undefined ? Number(m[1]) : (m[2] ?? m[3] ?? ''))
      i += m[0].length
    } else return undefined
  }
  return path
}

/**
 * Reads a path from a scope using own properties only, so `trigger.constructor` or `__proto__`
 * never reach host prototypes. Missing steps give `undefined`.
 */
export function resolvePath(root: unknown, path: readonly PathSegment[]): unknown {
  let cur = root
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined
    if (Array.isArray(cur)) {
      if (typeof seg !== 'number') {
        if (seg === 'length') {
          cur = cur.length
          continue
        }
        return undefined
      }
      cur = cur[seg]
    } else {
      const key = String(seg)
      if (!Object.hasOwn(cur, key)) return undefined
      cur = (cur as Record<string, unknown>)[key]
    }
  }
  return cur
}

/** Ids of nodes an expression reads (`nodes.x`, `nodes['x']`, `nodes["x"]`). */
export function nodeRefs(source: string): string[] {
  const out: string[] = []
  const re = /(?<![\w$.])nodes\s*(?:\.\s*([A-Za-z_$][\w$]*)|\[\s*(['"])([^'"\\]+)\2\s*\])/g
  for (let m = re.exec(source); m; m = re.exec(source)) out.push(m[1] ?? m[3] ?? '')
  return out
}

/** Ids of nodes referenced anywhere in a template string; throws TemplateSyntaxError on bad braces. */
export function templateNodeRefs(text: string): string[] {
  const c = compileTemplate(text)
  if (c.kind === 'literal') return []
  if (c.kind === 'single') return nodeRefs(c.expr.source)
  return c.parts.flatMap((p) => (typeof p === 'string' ? [] : nodeRefs(p.source)))
}

/** How a value is written into a mixed template: strings as-is, objects as JSON, null/undefined as ''. */
export function stringifyForTemplate(value: unknown): string {
  if (value === undefined || value === null) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'object') {
    try {
      return JSON.stringify(value) ?? ''
    } catch {
      return '[unserializable]'
    }
  }
  return String(value)
}
