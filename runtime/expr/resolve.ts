import { type ExpressionEvaluator, type ExpressionScope, NodeError } from '../node-type.ts'
import {
  type Compiled,
  compileTemplate,
  type Expr,
  resolvePath,
  stringifyForTemplate,
  TemplateSyntaxError,
} from './template.ts'

/**
 * Resolves `{{ }}` templates deep inside param values. A string that is exactly one expression keeps
 * the expression's type; mixed strings concatenate. Plain paths are read natively; anything else goes
 * to the injected evaluator (the sandbox). Resolution is synchronous unless an evaluator call is
 * needed, so the common case costs no promise.
 */

/** A param value compiled once: constants are returned as-is, templates resolved per run. */
export type CompiledValue =
  | { k: 'const'; value: unknown }
  | { k: 'tpl'; t: Compiled }
  | { k: 'arr'; items: CompiledValue[] }
  | { k: 'obj'; keys: string[]; values: CompiledValue[] }

/** How `resolveCompiled` reaches the sandbox. */
export interface ResolveEnv {
  scope: ExpressionScope
  evaluator?: ExpressionEvaluator
  signal?: AbortSignal
}

const CONST_UNDEFINED: CompiledValue = { k: 'const', value: undefined }

/**
 * Compiles a param value; throws NodeError `EXPRESSION_SYNTAX` on unclosed braces.
 * @example compileValue({ ip: '{{ trigger.ip }}', n: 3 })
 */
export function compileValue(value: unknown): CompiledValue {
  try {
    return compile(value, 0)
  } catch (err) {
    if (err instanceof TemplateSyntaxError)
      throw new NodeError('EXPRESSION_SYNTAX', err.message, { retryable: false })
    throw err
  }
}

function compile(value: unknown, depth: number): CompiledValue {
  if (depth > 200)
    throw new NodeError('EXPRESSION_SYNTAX', 'params are nested too deeply', { retryable: false })
  if (typeof value === 'string') {
    if (!value.includes('{{')) return { k: 'const', value }
    return { k: 'tpl', t: compileTemplate(value) }
  }
  if (value === undefined) return CONST_UNDEFINED
  if (value === null || typeof value !== 'object') return { k: 'const', value }
  if (Array.isArray(value)) {
    const items = value.map((v) => compile(v, depth + 1))
    return items.every((c) => c.k === 'const') ? { k: 'const', value } : { k: 'arr', items }
  }
  const keys = Object.keys(value)
  const values = keys.map((key) => compile((value as Record<string, unknown>)[key], depth + 1))
  return values.every((c) => c.k === 'const') ? { k: 'const', value } : { k: 'obj', keys, values }
}

/**
 * Resolves a compiled value against a scope. Returns a plain value when no evaluator call was needed,
 * a Promise otherwise.
 * @example resolveCompiled(compileValue('{{ trigger.ip }}'), { scope }) // '1.2.3.4'
 */
export function resolveCompiled(c: CompiledValue, env: ResolveEnv): unknown {
  switch (c.k) {
    case 'const':
      return c.value
    case 'tpl':
      return resolveTemplate(c.t, env)
    case 'arr': {
      const out: unknown[] = new Array(c.items.length)
      let pending = false
      for (let i = 0; i < c.items.length; i++) {
        const v = resolveCompiled(c.items[i] as CompiledValue, env)
        if (v instanceof Promise) pending = true
        out[i] = v
      }
      return pending ? Promise.all(out) : out
    }
    case 'obj': {
      const out: Record<string, unknown> = {}
      let waits: Promise<unknown>[] | undefined
      for (let i = 0; i < c.keys.length; i++) {
        const key = c.keys[i] as string
        const v = resolveCompiled(c.values[i] as CompiledValue, env)
        if (v instanceof Promise) {
          waits ??= []
          waits.push(
            v.then((r) => {
              out[key] = r
            }),
          )
          out[key] = undefined
        } else out[key] = v
      }
      return waits ? Promise.all(waits).then(() => out) : out
    }
  }
}

function resolveTemplate(t: Compiled, env: ResolveEnv): unknown {
  if (t.kind === 'literal') return t.value
  if (t.kind === 'single') return resolveExpr(t.expr, env)
  const parts: unknown[] = new Array(t.parts.length)
  let pending = false
  for (let i = 0; i < t.parts.length; i++) {
    const p = t.parts[i] as string | Expr
    const v = typeof p === 'string' ? p : resolveExpr(p, env)
    if (v instanceof Promise) pending = true
    parts[i] = v
  }
  if (!pending) return concat(parts)
  return Promise.all(parts).then(concat)
}

function concat(parts: unknown[]): string {
  let s = ''
  for (const p of parts) s += stringifyForTemplate(p)
  return s
}

function resolveExpr(expr: Expr, env: ResolveEnv): unknown {
  if (expr.path) return resolvePath(env.scope, expr.path)
  if (!env.evaluator)
    throw new NodeError(
      'EXPRESSION_UNSUPPORTED',
      `"{{ ${expr.source} }}" needs the expression sandbox, which is not available here: only plain paths such as "{{ trigger.field }}" or "{{ nodes.id.output.field }}" can be used`,
      { retryable: false },
    )
  return env.evaluator.evaluate(expr.source, env.scope, env.signal).catch((err: unknown) => {
    if (err instanceof NodeError) throw err
    const message = err instanceof Error ? err.message : String(err)
    throw new NodeError('EXPRESSION_ERROR', `"{{ ${expr.source} }}": ${message}`, { retryable: false })
  })
}

/**
 * Compiles and resolves a value in one step (compilation of strings is cached by `compileTemplate`).
 * @example resolveValue('{{ item.ip }}', { scope: { ...scope, item: { ip: '1.2.3.4' } } })
 */
export function resolveValue(value: unknown, env: ResolveEnv): unknown {
  return resolveCompiled(compileValue(value), env)
}

/** A node's params compiled once per node object: each key compiled, lazy keys passed through raw. */
export interface CompiledParams {
  /** True when nothing needs resolving: `params` can be used as-is. */
  constant: boolean
  value: CompiledValue
}

const paramsCache = new WeakMap<object, CompiledParams>()

/**
 * Compiles a node's params, cached per params object (so once per loaded playbook). Keys listed in
 * `lazy` are not resolved: the node resolves them itself (for-each bodies, per item).
 * @example const c = compileParams(node.params, type.lazyParams); resolveCompiled(c.value, env)
 */
export function compileParams(params: Record<string, unknown>, lazy?: readonly string[]): CompiledParams {
  const hit = paramsCache.get(params)
  if (hit) return hit
  let value: CompiledValue
  if (lazy && lazy.length > 0) {
    const keys = Object.keys(params)
    const values = keys.map((key) =>
      lazy.includes(key) ? { k: 'const' as const, value: params[key] } : compileValue(params[key]),
    )
    value = values.every((v) => v.k === 'const') ? { k: 'const', value: params } : { k: 'obj', keys, values }
  } else value = compileValue(params)
  const compiled = { constant: value.k === 'const', value }
  paramsCache.set(params, compiled)
  return compiled
}
