import ipaddr from 'ipaddr.js'

/**
 * IP address helpers over ipaddr.js: classification (public, private, reserved) and CIDR matching.
 */

export type IpClass = 'public' | 'private' | 'reserved'

/** Parsed facts about one address. */
export interface IpFacts {
  ip: string
  version: 4 | 6
  /** ipaddr.js range name: `unicast`, `private`, `loopback`, `linkLocal`, `uniqueLocal`, ... */
  range: string
  class: IpClass
}

const PRIVATE_RANGES = new Set(['private', 'loopback', 'linkLocal', 'uniqueLocal', 'carrierGradeNat'])

/** Parses an address strictly (dotted quad for IPv4); undefined when it is not one. */
export function parseIp(text: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  const s = text.trim()
  if (ipaddr.IPv4.isValidFourPartDecimal(s)) return ipaddr.IPv4.parse(s)
  if (s.includes(':') && ipaddr.IPv6.isValid(s)) return ipaddr.IPv6.parse(s)
  return undefined
}

/** True for a dotted-quad IPv4 or a valid IPv6 address. */
export function isIp(text: string): boolean {
  return parseIp(text) !== undefined
}

/**
 * Classifies an address. IPv4-mapped IPv6 addresses are classified as the IPv4 address they carry.
 * @example classifyIp('10.1.2.3') // { ip: '10.1.2.3', version: 4, range: 'private', class: 'private' }
 */
export function classifyIp(text: string): IpFacts | undefined {
  const parsed = parseIp(text)
  if (!parsed) return undefined
  const addr =
    parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()
      ? (parsed as ipaddr.IPv6).toIPv4Address()
      : parsed
  const range = addr.range()
  const cls: IpClass = range === 'unicast' ? 'public' : PRIVATE_RANGES.has(range) ? 'private' : 'reserved'
  return { ip: normalizeIp(parsed), version: parsed.kind() === 'ipv4' ? 4 : 6, range, class: cls }
}

function normalizeIp(addr: ipaddr.IPv4 | ipaddr.IPv6): string {
  return addr.kind() === 'ipv6' ? (addr as ipaddr.IPv6).toRFC5952String() : addr.toString()
}

/** True when `cidr` is a valid CIDR (`10.0.0.0/8`, `2001:db8::/32`) or a single address. */
export function isCidr(cidr: string): boolean {
  return parseCidr(cidr) !== undefined
}

function parseCidr(cidr: string): [ipaddr.IPv4 | ipaddr.IPv6, number] | undefined {
  const s = cidr.trim()
  if (!s.includes('/')) {
    const one = parseIp(s)
    return one ? [one, one.kind() === 'ipv4' ? 32 : 128] : undefined
  }
  if (!ipaddr.isValidCIDR(s)) return undefined
  const [addr, bits] = ipaddr.parseCIDR(s)
  if (addr.kind() === 'ipv4' && !ipaddr.IPv4.isValidFourPartDecimal(s.split('/')[0] ?? '')) return undefined
  return [addr, bits]
}

/**
 * True when `ip` lies in `cidr`. Addresses of another family (or IPv4-mapped IPv6 against IPv4
 * ranges) are compared as the IPv4 address they carry; invalid input is simply not a member.
 * @example inCidr('10.1.2.3', '10.0.0.0/8') // true
 */
export function inCidr(ip: string, cidr: string): boolean {
  const parsed = parseIp(ip)
  const range = parseCidr(cidr)
  if (!parsed || !range) return false
  let addr: ipaddr.IPv4 | ipaddr.IPv6 = parsed
  if (addr.kind() === 'ipv6' && range[0].kind() === 'ipv4' && (addr as ipaddr.IPv6).isIPv4MappedAddress()) {
    addr = (addr as ipaddr.IPv6).toIPv4Address()
  }
  if (addr.kind() !== range[0].kind()) return false
  return addr.match(range)
}
