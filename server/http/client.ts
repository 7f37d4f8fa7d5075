import { type HttpClient, NodeError } from '../../runtime/node-type.ts'
import { type AddressPolicyOptions, createAddressPolicy } from './address-policy.ts'
import { type HopResponse, sendOnce } from './send-once.ts'
import { type HostLookup, systemLookup, vetHost } from './vet-host.ts'

/** Operator settings for outbound HTTP (address rules from `AddressPolicyOptions`, plus limits). */
export interface HttpClientOptions extends AddressPolicyOptions {
  /** Largest response body read, in bytes (default 5 MB). */
  maxResponseBytes?: number
  /** Redirects followed per request, each re-checked against the address rules (default 3). */
  maxRedirects?: number
  /** Whole-request deadline (DNS, connect, redirects, body) when the caller gives none (default 30 s). */
  timeoutMs?: number
  /** How host names are resolved (default: the system resolver); a seam for tests. */
  lookup?: HostLookup
}

const REDIRECTS = new Set([301, 302, 303, 307, 308])
/** Headers kept when a redirect leaves the origin: everything else may carry a credential. */
const SAFE_ACROSS_ORIGINS = new Set([
  'accept',
  'accept-language',
  'content-language',
  'content-type',
  'user-agent',
])

/**
 * The production `HttpClient`: refuses loopback, private, link-local, CGNAT, multicast, reserved and
 * cloud metadata addresses (checked on the resolved address, for every redirect hop) unless the
 * operator allows them; only http and https; body size, redirect count and time are capped. Errors
 * are `NodeError`s (`HTTP_ADDRESS_BLOCKED`, `HTTP_TIMEOUT`, `HTTP_RESPONSE_TOO_LARGE`,
 * `HTTP_TOO_MANY_REDIRECTS`, ...) whose messages name the host but never headers or the query.
 * @example const http = createHttpClient({ allowCidrs: ['10.20.0.0/16'] })
 * await http.request({ method: 'GET', url: 'https://api.example.com/v1/items' })
 */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const policy = createAddressPolicy(options)
  const maxResponseBytes = positive(options.maxResponseBytes ?? 5 * 1024 * 1024, 'maxResponseBytes')
  const maxRedirects = nonNegative(options.maxRedirects ?? 3, 'maxRedirects')
  const defaultTimeoutMs = positive(options.timeoutMs ?? 30_000, 'timeoutMs')
  const lookup = options.lookup ?? systemLookup

  return {
    async request(req) {
      let url = parseUrl(req.url)
      const timeoutMs = req.timeoutMs ?? defaultTimeoutMs
      const controller = new AbortController()
      const timer = setTimeout(
        () =>
          controller.abort(
            new NodeError('HTTP_TIMEOUT', `the request to ${url.hostname} timed out after ${timeoutMs} ms`, {
              retryable: true,
            }),
          ),
        timeoutMs,
      )
      const onCancel = () =>
        controller.abort(
          new NodeError('CANCELLED', `the request to ${url.hostname} was cancelled`, { retryable: false }),
        )
      if (req.signal?.aborted) onCancel()
      req.signal?.addEventListener('abort', onCancel, { once: true })
      try {
        let method = req.method.toUpperCase()
        let headers = { ...(req.headers ?? {}) }
        let body = req.body
        for (let hop = 0; ; hop++) {
          if (url.protocol !== 'http:' && url.protocol !== 'https:') {
            throw new NodeError(
              'HTTP_UNSUPPORTED_SCHEME',
              `only http and https are allowed, not ${url.protocol.replace(/:$/, '')}`,
              { retryable: false },
            )
          }
          const addresses = await abortable(vetHost(url.hostname, policy, lookup), controller.signal)
          const res: HopResponse = await sendOnce({
            url,
            method,
            headers,
            body,
            addresses,
            maxResponseBytes,
            signal: controller.signal,
          })
          const location = res.headers.location
          if (!REDIRECTS.has(res.status) || !location) return res
          if (hop >= maxRedirects) {
            throw new NodeError(
              'HTTP_TOO_MANY_REDIRECTS',
              `${url.hostname} redirected more than ${maxRedirects} times`,
              { retryable: false },
            )
          }
          const next = parseUrl(location, url)
          if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
            method = method === 'HEAD' ? 'HEAD' : 'GET'
            body = undefined
            headers = omit(headers, (k) => k === 'content-type')
          }
          if (next.origin !== url.origin) headers = omit(headers, (k) => !SAFE_ACROSS_ORIGINS.has(k))
          url = next
        }
      } finally {
        clearTimeout(timer)
        req.signal?.removeEventListener('abort', onCancel)
      }
    },
  }
}

function parseUrl(text: string, base?: URL): URL {
  try {
    return new URL(text, base)
  } catch {
    throw new NodeError(
      'HTTP_INVALID_URL',
      base ? 'the redirect location is not a valid URL' : 'the URL is not valid',
      {
        retryable: false,
      },
    )
  }
}

/** Rejects with the signal's reason as soon as it aborts (DNS lookups cannot be cancelled). */
function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason)
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}

function omit(headers: Record<string, string>, drop: (lowerName: string) => boolean): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([k]) => !drop(k.toLowerCase())))
}

function positive(n: number, name: string): number {
  if (!Number.isFinite(n) || n <= 0) throw new Error(`createHttpClient: ${name} must be a positive number`)
  return n
}

function nonNegative(n: number, name: string): number {
  if (!Number.isInteger(n) || n < 0) throw new Error(`createHttpClient: ${name} must be a whole number ≥ 0`)
  return n
}
