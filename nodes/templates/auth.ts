import { type HttpClient, NodeError } from '../../runtime/node-type.ts'
import { renderJson } from './expr.ts'
import { utf8Base64 } from './filters.ts'
import { checkedUrl, type RenderedRequest, renderUrl } from './request.ts'
import type { TemplateAuth } from './schema.ts'

/**
 * Applies a credential to a rendered request. The secret is read here and only here: it never enters
 * a template scope, a log line or an error message.
 */

/**
 * Replaces every occurrence of the secrets in a message, for errors that may quote a URL or a body.
 * @example redact('GET https://x/?key=s3cr3t failed', ['s3cr3t']) // 'GET https://x/?key=[redacted] failed'
 */
export function redact(message: string, secrets: readonly (string | undefined)[]): string {
  let out = message
  for (const s of secrets) {
    if (!s || s.length < 4) continue
    out = out.split(s).join('[redacted]')
    const encoded = encodeURIComponent(s)
    if (encoded !== s) out = out.split(encoded).join('[redacted]')
  }
  return out
}

/** Splits `id:secret` (Basic and OAuth2 credentials). */
function pair(secret: string, what: string): [string, string] {
  const i = secret.indexOf(':')
  if (i <= 0 || i === secret.length - 1)
    throw new NodeError('CREDENTIAL_INVALID', `the credential must be "${what}"`, { retryable: false })
  return [secret.slice(0, i), secret.slice(i + 1)]
}

/**
 * OAuth2 client credentials: posts `client_id`, `client_secret` and the template's extra form fields
 * (e.g. `grant_type`, `scope`) to the token URL and returns the access token.
 */
async function fetchToken(
  auth: Extract<TemplateAuth, { type: 'oauth2' }>,
  params: Record<string, unknown>,
  secret: string,
  http: HttpClient,
  signal: AbortSignal,
): Promise<string> {
  const [clientId, clientSecret] = pair(secret, 'client_id:client_secret')
  const extra = renderJson(auth.form ?? {}, { params }, ['params']) as Record<string, unknown>
  const form = new URLSearchParams({ client_id: clientId, client_secret: clientSecret })
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== null) form.append(k, String(v))
  const res = await http.request({
    method: 'POST',
    url: checkedUrl(renderUrl(auth.tokenUrl, params)).toString(),
    headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    signal,
  })
  if (res.status < 200 || res.status > 299) {
    const retryable = res.status === 429 || res.status >= 500
    throw new NodeError(
      retryable ? 'AUTH_UNAVAILABLE' : 'AUTH_FAILED',
      `token request failed: HTTP ${res.status}`,
      {
        retryable,
        details: { status: res.status },
      },
    )
  }
  let token: unknown
  try {
    token = (JSON.parse(res.body) as { access_token?: unknown }).access_token
  } catch {
    token = undefined
  }
  if (typeof token !== 'string' || token === '')
    throw new NodeError('AUTH_FAILED', 'the token response has no access_token', { retryable: false })
  return token
}

/**
 * Returns the request with the credential applied (`url` auth is applied when rendering instead).
 * @example await applyAuth(req, { type: 'header', name: 'x-apikey' }, key, params, http, signal)
 */
export async function applyAuth(
  req: RenderedRequest,
  auth: TemplateAuth,
  secret: string | undefined,
  params: Record<string, unknown>,
  http: HttpClient,
  signal: AbortSignal,
): Promise<RenderedRequest> {
  if (auth.type === 'none' || auth.type === 'url' || secret === undefined) return req
  const headers = { ...req.headers }
  switch (auth.type) {
    case 'bearer':
      headers.Authorization = `Bearer ${secret}`
      break
    case 'basic':
      pair(secret, 'user:password')
      headers.Authorization = `Basic ${utf8Base64(secret)}`
      break
    case 'header':
      headers[auth.name] = `${auth.prefix ?? ''}${secret}`
      break
    case 'query': {
      const url = new URL(req.url)
      url.searchParams.set(auth.name, secret)
      return { ...req, url: url.toString() }
    }
    case 'oauth2':
      headers.Authorization = `Bearer ${await fetchToken(auth, params, secret, http, signal)}`
      break
  }
  if (Object.values(headers).some((v) => /[\r\n\0]/.test(v)))
    throw new NodeError('CREDENTIAL_INVALID', 'the credential contains a line break', { retryable: false })
  return { ...req, headers }
}
