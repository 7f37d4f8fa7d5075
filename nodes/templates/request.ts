import { NodeError } from '../../runtime/node-type.ts'
import { evalExpr, parseParts, renderJson, renderString } from './expr.ts'
import type { IntegrationTemplate } from './schema.ts'

/**
 * Renders a template's HTTP request from validated params. Every value interpolated into the URL is
 * percent-encoded as one path segment or query value, so a param like `../x` or `a&b=c` can never
 * change the URL's structure; headers refuse line breaks; bodies are built as data, never as text
 * concatenation (JSON via JSON.stringify, forms via URLSearchParams).
 */

/** A request ready for `HttpClient.request` (auth not yet applied). */
export interface RenderedRequest {
  method: string
  url: string
  headers: Record<string, string>
  body?: string
}

const ROOTS = ['params'] as const

const invalid = (message: string) => new NodeError('INVALID_PARAMS', message, { retryable: false })

function scalarText(value: unknown, where: string): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  throw invalid(
    `${where}: expected a text, number or boolean, got ${Array.isArray(value) ? 'a list' : 'an object'}`,
  )
}

/** Encodes one interpolated URL value; refuses values that URL parsers would treat as structure. */
function encodeUrlValue(value: unknown, inQuery: boolean): string {
  const s = scalarText(value, 'URL') ?? ''
  if (!inQuery && (s === '' || s === '.' || s === '..'))
    throw invalid(`a URL path value may not be empty, "." or ".." (got "${s}")`)
  return encodeURIComponent(s)
}

/**
 * Renders the URL template. The leading expression (a param of format `origin`/`url`, enforced when
 * the template is validated) is inserted as-is; every other one is encoded.
 * @example renderUrl('https://www.virustotal.com/api/v3/files/{{ params.hash }}', { hash: 'a/../b' }) // '.../files/a%2F..%2Fb'
 */
export function renderUrl(template: string, params: Record<string, unknown>): string {
  const parts = parseParts(template, ROOTS)
  let out = ''
  let inQuery = false
  for (const [i, p] of parts.entries()) {
    if (typeof p === 'string') {
      out += p
      if (p.includes('?')) inQuery = true
    } else {
      const value = evalExpr(p, { params })
      out += i === 0 ? (scalarText(value, 'URL') ?? '') : encodeUrlValue(value, inQuery)
    }
  }
  return out
}

/** Parses a rendered URL and checks it is plain http(s) without user info. */
export function checkedUrl(text: string): URL {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw invalid('the request URL is not valid')
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password)
    throw invalid('the request URL must be http(s) without user info')
  return url
}

function setDefaultHeader(headers: Record<string, string>, name: string, value: string): void {
  if (!Object.keys(headers).some((k) => k.toLowerCase() === name.toLowerCase())) headers[name] = value
}

/** Renders a string map (headers, query, form), dropping values that resolve to nothing. */
function renderMap(map: Record<string, string> | undefined, params: Record<string, unknown>, where: string) {
  const out: [string, string][] = []
  for (const [key, template] of Object.entries(map ?? {})) {
    const value = renderString(template, { params }, ROOTS)
    const list = Array.isArray(value) ? value : [value]
    for (const v of list) {
      const s = scalarText(v, `${where} "${key}"`)
      if (s !== undefined && s !== '') out.push([key, s])
    }
  }
  return out
}

/**
 * Renders the whole request. `baseUrl` replaces the URL template when the credential is the URL.
 * @example renderRequest(template, { ip: '8.8.8.8', credential: 'abuseipdb' })
 */
export function renderRequest(
  t: IntegrationTemplate,
  params: Record<string, unknown>,
  baseUrl?: string,
): RenderedRequest {
  const url = checkedUrl(baseUrl ?? renderUrl(t.request.url ?? '', params))
  for (const [k, v] of renderMap(t.request.query, params, 'query')) url.searchParams.append(k, v)

  const headers: Record<string, string> = {}
  for (const [k, v] of renderMap(t.request.headers, params, 'header')) {
    if (/[\r\n\0]/.test(v)) throw invalid(`header "${k}" may not contain line breaks`)
    headers[k] = v
  }
  setDefaultHeader(headers, 'Accept', 'application/json')

  const spec = t.request.body
  let body: string | undefined
  if (spec && 'json' in spec) {
    body = JSON.stringify(renderJson(spec.json, { params }, ROOTS) ?? null)
    setDefaultHeader(headers, 'Content-Type', 'application/json')
  } else if (spec && 'form' in spec) {
    body = new URLSearchParams(renderMap(spec.form, params, 'form field')).toString()
    setDefaultHeader(headers, 'Content-Type', 'application/x-www-form-urlencoded')
  } else if (spec && 'text' in spec) {
    body = scalarText(renderString(spec.text, { params }, ROOTS), 'body') ?? ''
    setDefaultHeader(headers, 'Content-Type', spec.contentType)
  }
  return { method: t.request.method, url: url.toString(), headers, ...(body === undefined ? {} : { body }) }
}
