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
