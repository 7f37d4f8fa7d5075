import type { IncomingMessage } from 'node:http'
import { HttpError } from '../app/errors.ts'

/** Default body limit of a webhook request: 1 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024

function tooLarge(maxBytes: number): HttpError {
  return new HttpError(
    413,
    'PAYLOAD_TOO_LARGE',
    `request body is larger than the limit of ${maxBytes} bytes`,
    {
      maxBytes,
    },
  )
}

/**
 * Reads a request body up to `maxBytes`, refusing more with a 413: at once when `Content-Length` says
 * so, otherwise as soon as the stream passes the limit (a chunked body is never buffered whole).
 * @example const raw = await readBodyLimited(c.req.raw, 1024 * 1024)
 */
export async function readBodyLimited(
  request: Request,
  maxBytes: number = DEFAULT_MAX_BODY_BYTES,
): Promise<Uint8Array> {
  const declared = request.headers.get('content-length')
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes)
  if (!request.body) return new Uint8Array(0)
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel().catch(() => {})
      throw tooLarge(maxBytes)
    }
    chunks.push(value)
  }
  const out = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.byteLength
  }
  return out
}

/**
 * `readBodyLimited` straight from Node's request stream (what @hono/node-server hands the app as
 * `c.env.incoming`), with the same limits: going through `c.req.raw` builds a fetch `Request` with its
 * own AbortSignal and web stream per request, garbage that outlives the request and grows the heap
 * under webhook load. On a 413 the rest of the body is left unread (the adapter drains or closes it).
 * Undefined when the stream was already read (use `readBodyLimited` on the `Request` then).
 * @example const raw = await readIncomingLimited(c.env.incoming, 1024 * 1024)
 */
export function readIncomingLimited(
  incoming: IncomingMessage,
  maxBytes: number = DEFAULT_MAX_BODY_BYTES,
): Promise<Uint8Array> | undefined {
  if (incoming.readableDidRead || incoming.destroyed) return undefined
  const declared = incoming.headers['content-length']
  if (declared !== undefined && Number(declared) > maxBytes) return Promise.reject(tooLarge(maxBytes))
  return new Promise<Uint8Array>((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const cleanup = () => {
      incoming.off('data', onData)
      incoming.off('end', onEnd)
      incoming.off('error', onError)
      incoming.off('close', onClose)
    }
    const onData = (chunk: Buffer | string) => {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
      size += buf.byteLength
      if (size > maxBytes) {
        cleanup()
        incoming.pause()
        reject(tooLarge(maxBytes))
        return
      }
      chunks.push(buf)
    }
    const onEnd = () => {
      cleanup()
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size))
    }
    const onError = (err: Error) => {
      cleanup()
      reject(err)
    }
    const onClose = () => {
      if (incoming.readableEnded) return onEnd()
      cleanup()
      reject(incoming.errored ?? new Error('the client closed the connection before the body ended'))
    }
    incoming.on('data', onData)
    incoming.on('end', onEnd)
    incoming.on('error', onError)
    incoming.on('close', onClose)
  })
}
