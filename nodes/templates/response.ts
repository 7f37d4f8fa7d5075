import { stringifyForTemplate } from '../../runtime/expr/template.ts'
import { NodeError } from '../../runtime/node-type.ts'
import { renderJson, renderString } from './expr.ts'
import type { IntegrationTemplate } from './schema.ts'

/**
 * Maps an HTTP response to the node's output or to a `NodeError`: the template's status mapping
 * first (which may turn e.g. a 404 into `{ found: false }`), then stable default codes. Rate limits
 * (429) and server errors (5xx) are retryable, other failures are not.
 */

/** What `HttpClient.request` returns. */
export interface HttpResponse {
  status: number
  headers: Record<string, string>
  body: string
}

const MAX_SNIPPET = 300

/** The default error code for a status without a mapping. */
export function defaultErrorCode(status: number): string {
  if (status === 401 || status === 403) return 'AUTH_FAILED'
  if (status === 404) return 'NOT_FOUND'
  if (status === 409) return 'CONFLICT'
  if (status === 429) return 'RATE_LIMITED'
  if (status >= 500) return 'UPSTREAM_ERROR'
  if (status === 400 || status === 422) return 'BAD_REQUEST'
  return 'HTTP_ERROR'
}

function parseBody(res: HttpResponse): unknown {
  if (res.body.trim() === '') return null
  try {
    return JSON.parse(res.body)
  } catch {
    return res.body
  }
}

function headersLower(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = v
  return out
}

/** A short, single-line excerpt of an error body, so the analyst sees the vendor's reason. */
function snippet(body: string): string {
  const s = body.replace(/\s+/g, ' ').trim()
  return s.length > MAX_SNIPPET ? `${s.slice(0, MAX_SNIPPET)}…` : s
}

/**
 * Maps a response to the output object, or throws `NodeError`. Error messages pass through `scrub`
 * (the caller's secret redaction) because vendor bodies may echo request data.
 * @example mapResponse(t, { hash }, { status: 404, headers: {}, body: '{}' }) // { found: false, ... } when 404 maps to an output
 */
export function mapResponse(
  t: IntegrationTemplate,
  params: Record<string, unknown>,
  res: HttpResponse,
  scrub: (message: string) => string = (m) => m,
): Record<string, unknown> {
  const scope = {
    params,
    response: { status: res.status, headers: headersLower(res.headers), body: parseBody(res) },
  }
  const roots = ['params', 'response'] as const
  const ok = res.status >= 200 && res.status <= 299
  if (ok) {
    for (const f of t.response.failWhen ?? []) {
      if (!renderString(f.when, scope, roots)) continue
      const message = stringifyForTemplate(renderString(f.message, scope, roots))
      throw new NodeError(f.code, scrub(`${t.title}: ${message}`), {
        retryable: f.retryable ?? false,
        details: { status: res.status },
      })
    }
    return renderJson(t.response.output, scope, roots) as Record<string, unknown>
  }
  const mapping = t.errors?.[String(res.status)] ?? t.errors?.[`${String(res.status)[0]}xx`]
  if (mapping?.output) return renderJson(mapping.output, scope, roots) as Record<string, unknown>
  const retryable = mapping?.retryable ?? (res.status === 429 || res.status >= 500)
  const message = mapping?.message
    ? stringifyForTemplate(renderString(mapping.message, scope, roots))
    : `HTTP ${res.status}${res.body.trim() ? `: ${snippet(res.body)}` : ''}`
  throw new NodeError(mapping?.code ?? defaultErrorCode(res.status), scrub(`${t.title}: ${message}`), {
    retryable,
    details: { status: res.status },
  })
}
