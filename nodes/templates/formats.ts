import { isIp, parseIp } from '../lib/ip.ts'

/**
 * String formats a template param can declare. Each is a strict, pure check: host-like formats allow
 * hostname characters only (no `/`, `@`, `:`), so a param can never redirect a request to another host.
 */

const LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/
const HEX = (n: number) => new RegExp(`^[A-Fa-f0-9]{${n}}$`)
const MD5 = HEX(32)
const SHA1 = HEX(40)
const SHA256 = HEX(64)

function isHostname(s: string): boolean {
  if (s.length === 0 || s.length > 253) return false
  return s.split('.').every((label) => LABEL.test(label))
}

function isDomain(s: string): boolean {
  const labels = s.replace(/\.$/, '').split('.')
  return (
    labels.length >= 2 && isHostname(s.replace(/\.$/, '')) && /^[A-Za-z][A-Za-z0-9-]*$/.test(labels.at(-1)!)
  )
}

/** An `http(s)` URL without credentials in it. */
function isUrl(s: string): boolean {
  if (s.length > 8192) return false
  try {
    const u = new URL(s)
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.username === '' && u.password === ''
  } catch {
    return false
  }
}

/** `https://host[:port]` and nothing else: no path, query, fragment or user info. */
function isOrigin(s: string): boolean {
  const m = /^https?:\/\/([A-Za-z0-9.-]+)(?::(\d{1,5}))?$/.exec(s)
  if (!m || !isHostname(m[1]!)) return false
  return m[2] === undefined || (Number(m[2]) > 0 && Number(m[2]) < 65536)
}

/** Format name → check. */
export const FORMATS = {
  ip: isIp,
  ipv4: (s: string) => parseIp(s)?.kind() === 'ipv4',
  ipv6: (s: string) => parseIp(s)?.kind() === 'ipv6',
  domain: isDomain,
  hostname: isHostname,
  'dns-label': (s: string) => LABEL.test(s),
  origin: isOrigin,
  url: isUrl,
  email: (s: string) => /^[^\s@/\\:]{1,64}@[A-Za-z0-9.-]{1,253}$/.test(s) && isDomain(s.split('@')[1]!),
  md5: (s: string) => MD5.test(s),
  sha1: (s: string) => SHA1.test(s),
  sha256: (s: string) => SHA256.test(s),
  hash: (s: string) => MD5.test(s) || SHA1.test(s) || SHA256.test(s),
  uuid: (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s),
} satisfies Record<string, (s: string) => boolean>

export type FormatName = keyof typeof FORMATS

/** Format names, for the schema's enum. */
export const FORMAT_NAMES = Object.keys(FORMATS) as [FormatName, ...FormatName[]]

/** Formats whose value may be inserted unencoded at the very start of a request URL. */
export const URL_PREFIX_FORMATS: ReadonlySet<string> = new Set<FormatName>(['origin', 'url'])

/**
 * Checks a string against a named format.
 * @example checkFormat('hostname', 'acme.okta.com') // true; checkFormat('hostname', 'evil.com/x') // false
 */
export function checkFormat(format: FormatName, value: string): boolean {
  return FORMATS[format](value)
}
