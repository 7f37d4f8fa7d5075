import { createHash, createHmac, timingSafeEqual } from 'node:crypto'

/** The default signature header: `sha256=<hex HMAC-SHA256 of the raw body>`. */
export const SIGNATURE_HEADER = 'x-bulwark-signature'

/**
 * The signature a sender puts in the header for `body`.
 * @example signBody('s3cret', '{"a":1}') // 'sha256=5b0c…'
 */
export function signBody(secret: string, body: Uint8Array | string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`
}

/**
 * Whether `header` is the right `sha256=<hex>` signature of `body`, compared in constant time.
 * @example verifySignature(secret, rawBody, c.req.header('x-bulwark-signature'))
 */
export function verifySignature(secret: string, body: Uint8Array, header: string | undefined): boolean {
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header?.trim() ?? '')
  if (!match?.[1] || !secret) return false
  const sent = Buffer.from(match[1].toLowerCase(), 'hex')
  const expected = createHmac('sha256', secret).update(body).digest()
  return timingSafeEqual(sent, expected)
}

/**
 * Whether `authorization` is `Bearer <secret>`. Both sides are hashed first so that the comparison
 * takes the same time whatever the lengths.
 * @example verifyBearer(secret, c.req.header('authorization'))
 */
export function verifyBearer(secret: string, authorization: string | undefined): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')
  if (!match?.[1] || !secret) return false
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest()
  return timingSafeEqual(digest(match[1]), digest(secret))
}
