import { NodeError } from '../../runtime/node-type.ts'

/**
 * Pure helpers of `action.http`: builds the request (query, auth, body) and reads the response.
 * Browser-safe (no node: modules), so the editor can import the node's metadata.
 */

/** How a credential is applied to the request. */
export type HttpAuth =
  | { kind: 'bearer' }
  | { kind: 'basic' }
  | { kind: 'header'; name: string; prefix?: string }
  | { kind: 'query'; name: string }

/** The params the builder needs (a subset of the node's params). */
export interface RequestParts {
  url: string
  headers: Record<string, string>
  query: Record<string, string | number | boolean>
  bodyType: 'json' | 'text' | 'form'
  body?: unknown
  auth?: HttpAuth
}

/** A request ready for `HttpClient`, plus the secret-derived strings to scrub from what comes back. */
export interface BuiltRequest {
  url: URL
  headers: Record<string, string>
  body?: string
  hidden: string[]
}

/**
 * Builds the URL, headers and body; `secret` (from `ctx.secrets`) is applied as `auth` says
 * (bearer by default). Basic auth expects the secret as `user:password`.
 * @example buildRequest({ url: 'https://x.test/a', headers: {}, query: { q: 1 }, bodyType: 'json' }, undefined).url.href // 'https://x.test/a?q=1'
 */
export function buildRequest(parts: RequestParts, secret: string | undefined): BuiltRequest {
  let url: URL
  try {
    url = new URL(parts.url)
  } catch {
    throw new NodeError('HTTP_INVALID_URL', 'the URL is not valid (it must be absolute, e.g. https://...)', {
      retryable: false,
    })
  }
  for (const [k, v] of Object.entries(parts.query)) url.searchParams.append(k, String(v))
  const headers: Record<string, string> = { ...parts.headers }
  const hidden: string[] = []
  if (secret !== undefined) {
    const auth = parts.auth ?? { kind: 'bearer' }
    if (auth.kind === 'bearer') headers.authorization = `Bearer ${secret}`
    else if (auth.kind === 'basic') {
      if (!secret.includes(':')) {
        throw new NodeError('CREDENTIAL_INVALID', 'basic auth needs the credential as "user:password"', {
          retryable: false,
        })
      }
      const encoded = base64(secret)
      headers.authorization = `Basic ${encoded}`
      hidden.push(encoded)
    } else if (auth.kind === 'header') headers[auth.name] = `${auth.prefix ?? ''}${secret}`
    else url.searchParams.set(auth.name, secret)
    hidden.push(secret, encodeURIComponent(secret))
  }
  const body = encodeBody(parts, headers)
  return {
    url,
    headers,
    ...(body === undefined ? {} : { body }),
    hidden: hidden.filter((h) => h.length >= 4),
  }
}

function encodeBody(parts: RequestParts, headers: Record<string, string>): string | undefined {
  if (parts.body === undefined || parts.body === null) return undefined
  const setType = (type: string) => {
    if (!Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')) headers['content-type'] = type
  }
  if (parts.bodyType === 'text') {
    setType('text/plain; charset=utf-8')
    return typeof parts.body === 'string' ? parts.body : JSON.stringify(parts.body)
  }
  if (parts.bodyType === 'form') {
    if (typeof parts.body !== 'object' || Array.isArray(parts.body)) {
      throw new NodeError('HTTP_INVALID_BODY', 'a form body must be an object of fields', {
        retryable: false,
      })
    }
    setType('application/x-www-form-urlencoded')
    const fields = Object.entries(parts.body as Record<string, unknown>).map(([k, v]): [string, string] => [
      k,
      typeof v === 'string' ? v : JSON.stringify(v),
    ])
    return new URLSearchParams(fields).toString()
  }
  setType('application/json')
  return JSON.stringify(parts.body)
}

/** Replaces every secret-derived string with `[REDACTED]`. */
export function scrub(text: string, hidden: readonly string[]): string {
  let out = text
  for (const h of [...hidden].sort((a, b) => b.length - a.length)) out = out.split(h).join('[REDACTED]')
  return out
}

/** Parses a body as JSON when asked or when the content type says so (falling back to the text). */
export function parseBody(
  text: string,
  contentType: string | undefined,
  mode: 'auto' | 'json' | 'text',
): unknown {
  if (mode === 'text') return text
  const looksJson = /\bjson\b|\+json/i.test(contentType ?? '')
  if (mode === 'auto' && !looksJson) return text
  if (text.trim() === '') return null
  try {
    return JSON.parse(text)
  } catch {
    if (mode === 'json') {
      throw new NodeError('HTTP_INVALID_JSON', 'the response body is not valid JSON', { retryable: false })
    }
    return text
  }
}

/** True when `status` matches one of the patterns (`200`, `'2xx'`). */
export function statusMatches(status: number, expected: readonly (number | string)[]): boolean {
  return expected.some((e) =>
    typeof e === 'number' ? e === status : Math.floor(status / 100) === Number(e.charAt(0)),
  )
}

/** Reads a header case-insensitively. */
export function header(headers: Record<string, string>, name: string): string | undefined {
  const lower = name.toLowerCase()
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === lower) return v
  return undefined
}

function base64(text: string): string {
  let binary = ''
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte)
  return btoa(binary)
}
