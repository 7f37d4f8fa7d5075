import { createHash, randomBytes } from 'node:crypto'

/**
 * A random bearer token: 32 bytes, base64url, with an optional prefix (`bwk_`) that secret scanners
 * and people recognise.
 * @example generateToken('bwk_') // 'bwk_Q2x…'
 */
export function generateToken(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`
}

/**
 * The stored form of a token (sha256, hex). Tokens carry 256 bits of entropy, so a fast hash is
 * enough: unlike passwords they cannot be guessed from a list.
 * @example hashToken(token) === row.tokenHash
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}
