import type { ExpressionScope } from '../node-type.ts'

/** The scope roots of expressions (their wrapper's parameters) and of scripts (which also get `input`). */
const EXPRESSION_ROOTS = ['trigger', 'nodes', 'vars', 'item', 'run'] as const
const SCRIPT_ROOTS = ['input', ...EXPRESSION_ROOTS] as const
type Root = (typeof SCRIPT_ROOTS)[number]

/** What a source can reach: every root (`all`) or some roots, `nodes` possibly narrowed to some keys. */
type Plan = 'all' | { root: Root; keys?: string[] }[]

/**
 * Source text that can reach a root without naming it: a unicode escape in an identifier
 * (`\u0074rigger`), `arguments` (the wrapper's parameters), a direct `eval`.
 */
const REACHES_ANY = /\\|\beval\b|\barguments\b/
const ROOT_RE = Object.fromEntries(SCRIPT_ROOTS.map((r) => [r, new RegExp(`\\b${r}\\b`)])) as Record<
  Root,
  RegExp
>
/** `nodes.id`, `nodes?.id`, `nodes['id']`, `nodes?.["id"]`; any other use of `nodes` needs all of it. */
const NODE_USE =
  /\bnodes\b(?:\s*\??\.\s*([A-Za-z_$][\w$]*)|\s*(?:\?\.)?\[\s*(?:'([^'\\\n\r]*)'|"([^"\\\n\r]*)")\s*\])?/g
const CACHE_LIMIT = 1000
const plans = new Map<string, Plan>()

/**
 * The JSON of the part of `scope` that `source` can reach: a root the source never names is left
 * out, and `nodes` is cut to the node ids it reads as `nodes.id` or `nodes['id']`. Conservative by
 * construction: the only way to reach a root is an identifier spelled in the source (the roots are
 * the parameters or closure variables of the function the source is compiled into, never globals),
 * so anything unusual (an escape, `eval`, `arguments`, `nodes` used any other way) sends that root,
 * or all of them, whole. Large run histories then cost nothing to code that reads one node.
 * @example scopeJsonFor('nodes.vt.output.n > 3', scope) // '{"nodes":{"vt":{"output":{"n":5}}}}'
 */
export function scopeJsonFor(source: string, scope: ExpressionScope): string {
  return narrowed(source, scope, EXPRESSION_ROOTS)
}

/** `scopeJsonFor` for script-node code, whose scope also has `input`. */
export function scriptScopeJsonFor(source: string, scope: ExpressionScope & { input: unknown }): string {
  return narrowed(source, scope, SCRIPT_ROOTS)
}

function narrowed(source: string, scope: ExpressionScope, roots: readonly Root[]): string {
  const plan = planFor(source)
  const s = scope as unknown as Record<Root, unknown>
  let out = ''
  const add = (root: Root, value: string | undefined) => {
    if (value !== undefined) out += `${out ? ',' : ''}"${root}":${value}`
  }
  if (plan === 'all') for (const root of roots) add(root, JSON.stringify(s[root]))
  else
    for (const { root, keys } of plan)
      if (roots.includes(root)) add(root, keys ? pick(s[root], keys) : JSON.stringify(s[root]))
  return `{${out}}`
}

function pick(nodes: unknown, keys: string[]): string | undefined {
  if (nodes === null || typeof nodes !== 'object') return JSON.stringify(nodes)
  if (Array.isArray(nodes) || typeof (nodes as { toJSON?: unknown }).toJSON === 'function')
    return JSON.stringify(nodes)
  let out = ''
  for (const k of keys) {
    if (!Object.prototype.propertyIsEnumerable.call(nodes, k)) continue
    const v = JSON.stringify((nodes as Record<string, unknown>)[k])
    if (v !== undefined) out += `${out ? ',' : ''}${JSON.stringify(k)}:${v}`
  }
  return `{${out}}`
}

function planFor(source: string): Plan {
  let plan = plans.get(source)
  if (plan) return plan
  plan = analyse(source)
  if (plans.size >= CACHE_LIMIT) plans.delete(plans.keys().next().value as string)
  plans.set(source, plan)
  return plan
}

function analyse(source: string): Plan {
  if (REACHES_ANY.test(source)) return 'all'
  const plan: { root: Root; keys?: string[] }[] = []
  for (const root of SCRIPT_ROOTS) {
    if (!ROOT_RE[root].test(source)) continue
    if (root !== 'nodes') {
      plan.push({ root })
      continue
    }
    const keys = new Set<string>()
    let whole = false
    for (const m of source.matchAll(NODE_USE)) {
      const key = m[1] ?? m[2] ?? m[3]
      if (key === undefined) whole = true
      else keys.add(key)
    }
    plan.push(whole ? { root } : { root, keys: [...keys] })
  }
  return plan
}
