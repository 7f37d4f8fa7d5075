import { randomBytes, type ScryptOptions, timingSafeEqual } from 'node:crypto'
import { scryptOnThread } from './scrypt-thread.ts'

const PARAMS = { N: 16384, r: 8, p: 1 }
const KEY_LEN = 32

function derive(password: string, salt: Buffer, o: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...o, maxmem: 128 * o.N * o.r * 2 }
  return scryptOnThread(password.normalize('NFKC'), salt, KEY_LEN, options)
}

/**
 * Hashes a password with scrypt and a random salt, as `scrypt$N$r$p$salt$hash` (base64), so the cost
 * can grow later without invalidating stored hashes.
 * @example const stored = await hashPassword('correct horse')
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, PARAMS)
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$')
}

/**
 * Checks a password against a stored hash in constant time; a malformed hash is simply a mismatch.
 * @example await verifyPassword('correct horse', stored) // true
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, hash] = stored.split('$')
  if (alg !== 'scrypt' || !salt || !hash) return false
  const o = { N: Number(n), r: Number(r), p: Number(p) }
  if (![o.N, o.r, o.p].every(Number.isSafeInteger) || o.N > 2 ** 20) return false
  const expected = Buffer.from(hash, 'base64')
  const actual = await derive(password, Buffer.from(salt, 'base64'), o)
  return expected.length === actual.length && timingSafeEqual(expected, actual)
}

let dummy: Promise<string> | undefined

/** Spends the time of one verification, so an unknown user name answers as slowly as a wrong password. */
export async function burnPasswordCheck(password: string): Promise<false> {
  dummy ??= hashPassword('bulwark-dummy-password')
  await verifyPassword(password, await dummy)
  return false
}
