import http from 'node:http'
import https from 'node:https'
import type { LookupFunction } from 'node:net'
import { NodeError } from '../../runtime/node-type.ts'
import type { ResolvedAddress } from './vet-host.ts'

/** One HTTP exchange (no redirects) with a host whose addresses were already vetted. */
export interface HopRequest {
  url: URL
  method: string
  headers: Record<string, string>
  body?: string
  /** The vetted addresses: the socket connects only to these. */
  addresses: ResolvedAddress[]
  maxResponseBytes: number
  /** Aborting rejects with `signal.reason` when it is a NodeError (the client's timeout or cancel). */
  signal: AbortSignal
}

/** A response with its body read in full (up to the cap). */
export interface HopResponse {
  status: number
  headers: Record<string, string>
  body: string
}

/**
 * Sends one request over node:http(s), connecting to the vetted address through a custom `lookup`
 * (TLS still verifies the certificate against the URL's host name). Bodies are not decompressed, so
 * `accept-encoding` is always `identity`; the body is read up to `maxResponseBytes`, past which the
 * socket is destroyed and `HTTP_RESPONSE_TOO_LARGE` is thrown.
 * @example await sendOnce({ url: new URL('https://api.example.com/x'), method: 'GET', headers: {}, addresses, maxResponseBytes: 1e6, signal })
 */
export function sendOnce(req: HopRequest): Promise<HopResponse> {
  const host = req.url.hostname
  return new Promise<HopResponse>((resolve, reject) => {
    let request: http.ClientRequest | undefined
    const onAbort = () => {
      request?.destroy()
      reject(abortReason(req.signal, host))
    }
    if (req.signal.aborted) return reject(abortReason(req.signal, host))
    const lookup: LookupFunction = (_name, opts, callback) => {
      const usable = req.addresses.filter((a) => !opts.family || a.family === opts.family)
      const list = usable.length > 0 ? usable : req.addresses
      if (opts.all) return callback(null, list)
      const first = list[0]!
      callback(null, first.address, first.family)
    }
    const headers: Record<string, string> = { 'user-agent': 'Bulwark', ...withoutEncoding(req.headers) }
    headers['accept-encoding'] = 'identity'
    if (req.body !== undefined) headers['content-length'] = String(Buffer.byteLength(req.body))
    const transport = req.url.protocol === 'https:' ? https : http
    try {
      request = transport.request(req.url, { method: req.method, headers, lookup, agent: false })
    } catch (err) {
      const code = (err as { code?: string }).code ?? 'error'
      return reject(
        new NodeError('HTTP_INVALID_REQUEST', `the request to ${host} is invalid (${code})`, {
          retryable: false,
        }),
      )
    }
    req.signal.addEventListener('abort', onAbort, { once: true })
    const done = () => req.signal.removeEventListener('abort', onAbort)
    request.on('error', (err) => {
      done()
      if (req.signal.aborted) return reject(abortReason(req.signal, host))
      if (err instanceof NodeError) return reject(err)
      const code = (err as { code?: string }).code ?? err.name
      reject(
        new NodeError('HTTP_CONNECTION_FAILED', `could not reach ${host} (${code})`, {
          retryable: true,
          cause: err,
        }),
      )
    })
    request.on('response', (res) => {
      const tooLarge = () =>
        new NodeError(
          'HTTP_RESPONSE_TOO_LARGE',
          `the response from ${host} is larger than ${req.maxResponseBytes} bytes`,
          { retryable: false },
        )
      const declared = Number(res.headers['content-length'])
      if (Number.isFinite(declared) && declared > req.maxResponseBytes) {
        request?.destroy(tooLarge())
        return
      }
      const chunks: Buffer[] = []
      let size = 0
      res.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > req.maxResponseBytes) {
          request?.destroy(tooLarge())
          return
        }
        chunks.push(chunk)
      })
      res.on('error', (err) => request?.destroy(err))
      res.on('end', () => {
        done()
        resolve({
          status: res.statusCode ?? 0,
          headers: flattenHeaders(res.headers),
          body: Buffer.concat(chunks).toString('utf8'),
        })
      })
    })
    request.end(req.body)
  })
}

function abortReason(signal: AbortSignal, host: string): NodeError {
  if (signal.reason instanceof NodeError) return signal.reason
  return new NodeError('CANCELLED', `the request to ${host} was cancelled`, { retryable: false })
}

function withoutEncoding(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([k]) => k.toLowerCase() !== 'accept-encoding'))
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(headers)) {
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v
  }
  return out
}
