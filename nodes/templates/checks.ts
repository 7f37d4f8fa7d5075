import { parseParts, type TemplateParts, type TemplateRoot, templateStrings } from './expr.ts'
import { paramsSchema } from './fields.ts'
import { URL_PREFIX_FORMATS } from './formats.ts'
import { BUILTIN_NAMESPACES, type IntegrationTemplate, type TemplateProblem } from './schema.ts'

/**
 * Cross-field checks of a template that has the right shape: expressions parse and name declared
 * params, URLs cannot be redirected by a param, defaults fit their fields, ids stay out of the
 * built-in namespaces.
 */

type Path = (string | number)[]

const HOST_FORMATS: ReadonlySet<string> = new Set(['hostname', 'dns-label'])

/**
 * Every semantic problem of a template (empty when it is sound).
 * @example checkTemplate({ ...t, id: 'enrich.vt' }) // [{ path: 'id', message: '"enrich" is a built-in namespace' }]
 */
export function checkTemplate(t: IntegrationTemplate): TemplateProblem[] {
  const problems: TemplateProblem[] = []
  const add = (path: Path, message: string) => problems.push({ path: path.join('.'), message })

  const ns = t.id.split('.')[0]!
  if (BUILTIN_NAMESPACES.includes(ns)) add(['id'], `"${ns}" is a built-in namespace; use the vendor's name`)
  if (t.containment && !t.sideEffects)
    add(['containment'], 'a containment action must have sideEffects: true')
  checkFields(t, add)

  const parsed = (text: string, path: Path, roots: TemplateRoot[]): TemplateParts | undefined => {
    try {
      const parts = parseParts(text, roots)
      for (const p of parts) {
        if (typeof p === 'string' || p.path[0] !== 'params') continue
        if (typeof p.path[1] !== 'string' || !Object.hasOwn(t.params, p.path[1]))
          add(path, `"{{ ${p.source} }}" names no declared param`)
      }
      return parts
    } catch (err) {
      add(path, (err as Error).message)
      return undefined
    }
  }
  const all = (value: unknown, path: Path, roots: TemplateRoot[]) => {
    for (const [s, p] of templateStrings(value, path)) parsed(s, p, roots)
  }

  const auth = t.credential?.auth
  const { request: req } = t
  if (auth?.type === 'url') {
    if (req.url !== undefined)
      add(['request', 'url'], 'with auth "url" the credential is the URL: leave url out')
  } else if (req.url === undefined) add(['request', 'url'], 'required')
  else checkUrl(t, parsed(req.url, ['request', 'url'], ['params']), ['request', 'url'], add)
  if (auth?.type === 'oauth2') {
    checkUrl(
      t,
      parsed(auth.tokenUrl, ['credential', 'auth', 'tokenUrl'], ['params']),
      ['credential', 'auth', 'tokenUrl'],
      add,
    )
    all(auth.form, ['credential', 'auth', 'form'], ['params'])
  }
  all(req.headers, ['request', 'headers'], ['params'])
  all(req.query, ['request', 'query'], ['params'])
  all(req.body, ['request', 'body'], ['params'])
  all(t.response.output, ['response', 'output'], ['params', 'response'])
  all(t.response.failWhen, ['response', 'failWhen'], ['params', 'response'])
  all(t.errors, ['errors'], ['params', 'response'])
  if (req.method === 'GET' && req.body) add(['request', 'body'], 'a GET request has no body')
  return problems
}

function checkFields(t: IntegrationTemplate, add: (path: Path, message: string) => void): void {
  let sound = true
  if (t.credential && t.credential.auth.type !== 'none' && Object.hasOwn(t.params, 'credential'))
    add(['params', 'credential'], '"credential" is reserved for the credential name')
  for (const [name, f] of Object.entries(t.params)) {
    if (f.format && f.type !== 'string') {
      add(['params', name, 'format'], 'formats apply to strings only')
      sound = false
    }
    if (f.enum?.some((v) => typeof v !== f.type)) {
      add(['params', name, 'enum'], `every value must be a ${f.type}`)
      sound = false
    }
  }
  if (!sound) return
  // Defaults must pass their own field's validation.
  const defaults = Object.fromEntries(
    Object.entries(t.params).flatMap(([k, f]) => (f.default === undefined ? [] : [[k, f.default]])),
  )
  const r = paramsSchema(t.params).partial().safeParse(defaults)
  if (!r.success) for (const i of r.error.issues) add(['params', ...i.path.map(String), 'default'], i.message)
}

/**
 * A URL template must start with a literal `https://host` or with a param of format `origin`/`url`;
 * a param inside the host must have a host format (or an enum), so it cannot point elsewhere.
 */
function checkUrl(
  t: IntegrationTemplate,
  parts: TemplateParts | undefined,
  path: Path,
  add: (path: Path, message: string) => void,
): void {
  if (!parts) return
  const first = parts[0]
  const field = (p: TemplateParts[number]) =>
    typeof p === 'string' ? undefined : t.params[String(p.path[1])]
  if (typeof first !== 'string') {
    const f = field(first!)
    if (
      first!.filters.length > 0 ||
      !f?.format ||
      !URL_PREFIX_FORMATS.has(f.format) ||
      first!.path.length !== 2
    )
      add(path, 'a URL that starts with a param needs a param of format "origin" or "url", without filters')
    return
  }
  if (!first.startsWith('https://')) {
    add(path, 'a URL must start with "https://" (or with a param of format "origin")')
    return
  }
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!
    if (typeof p === 'string') {
      const rest = i === 0 ? p.slice('https://'.length) : p
      const authority = rest.split(/[/?#]/)[0]!
      if (authority.includes('@')) add(path, 'no user info ("@") in a URL: use the credential')
      if (authority.length < rest.length) return // the host ends inside this literal
      continue
    }
    const f = field(p)
    if (!f || (!(f.format && HOST_FORMATS.has(f.format)) && !f.enum) || p.filters.length > 0)
      add(
        path,
        `"{{ ${p.source} }}" is in the host: its param needs format "hostname" or "dns-label", or an enum`,
      )
  }
}
