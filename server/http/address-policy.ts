import ipaddr from 'ipaddr.js'

/**
 * Which IP addresses outbound HTTP may reach. Built-in blocks cover loopback, private, link-local,
 * CGNAT, unspecified, multicast, reserved and cloud metadata addresses; the operator lifts them with
 * `allowPrivate` (private, unique-local, CGNAT and link-local ranges only) or `allowCidrs` (anything,
 * including loopback and metadata), and adds blocks with `denyCidrs`, which always win.
 */

/** The operator's choices; see `createAddressPolicy`. */
export interface AddressPolicyOptions {
  /** Lifts the private, unique-local, CGNAT and link-local blocks (not loopback, not metadata). */
  allowPrivate?: boolean
  /** Ranges that may be reached even when a built-in block covers them, e.g. `['127.0.0.1/32']`. */
  allowCidrs?: readonly string[]
  /** Ranges that are never reached, checked before everything else. */
  denyCidrs?: readonly string[]
}

/** Decides whether an address may be reached. */
export interface AddressPolicy {
  /** Why `ip` is blocked (e.g. `loopback address`), or undefined when it may be reached. */
  check(ip: string): string | undefined
  /** True when an `allowCidrs` entry contains `ip` (metadata host names need this). */
  explicitlyAllowed(ip: string): boolean
}

type Addr = ipaddr.IPv4 | ipaddr.IPv6
type Range = [Addr, number]

interface Block {
  range: Range
  reason: string
  /** `allowPrivate` lifts it. */
  privateRange?: boolean
}

const METADATA = ['169.254.169.254/32', '169.254.170.2/32', '100.100.100.200/32', 'fd00:ec2::254/128']

const BLOCKS: Block[] = [
  ...METADATA.map((c) => ({ range: cidr(c), reason: 'cloud metadata address' })),
  { range: cidr('0.0.0.0/8'), reason: 'unspecified ("this network") address' },
  { range: cidr('127.0.0.0/8'), reason: 'loopback address' },
  { range: cidr('10.0.0.0/8'), reason: 'private address', privateRange: true },
  { range: cidr('172.16.0.0/12'), reason: 'private address', privateRange: true },
  { range: cidr('192.168.0.0/16'), reason: 'private address', privateRange: true },
  { range: cidr('100.64.0.0/10'), reason: 'carrier-grade NAT address', privateRange: true },
  { range: cidr('169.254.0.0/16'), reason: 'link-local address', privateRange: true },
  { range: cidr('192.0.0.0/24'), reason: 'reserved address' },
  { range: cidr('224.0.0.0/4'), reason: 'multicast address' },
  { range: cidr('240.0.0.0/4'), reason: 'reserved or broadcast address' },
  { range: cidr('::/128'), reason: 'unspecified address' },
  { range: cidr('::1/128'), reason: 'loopback address' },
  { range: cidr('::/96'), reason: 'IPv4-compatible IPv6 address (deprecated)' },
  { range: cidr('100::/64'), reason: 'discard-only address' },
  { range: cidr('fc00::/7'), reason: 'unique-local (private) address', privateRange: true },
  { range: cidr('fe80::/10'), reason: 'link-local address', privateRange: true },
  { range: cidr('fec0::/10'), reason: 'site-local address', privateRange: true },
  { range: cidr('ff00::/8'), reason: 'multicast address' },
]

/** IPv6 ranges that carry an IPv4 address, which is checked as well: [range, offset of its 4 bytes]. */
const EMBEDDING: [Range, number][] = [
  [cidr('64:ff9b::/96'), 12],
  [cidr('64:ff9b:1::/48'), 12],
  [cidr('2002::/16'), 2],
]

/**
 * Builds a policy; invalid CIDRs in the options throw at once.
 * @example createAddressPolicy({ allowCidrs: ['127.0.0.1/32'] }).check('127.0.0.1') // undefined
 * @example createAddressPolicy().check('10.0.0.5') // 'private address'
 */
export function createAddressPolicy(options: AddressPolicyOptions = {}): AddressPolicy {
  const allow = (options.allowCidrs ?? []).map(cidr)
  const deny = (options.denyCidrs ?? []).map(cidr)
  const explicitlyAllowed = (ip: string): boolean => {
    const addr = parse(ip)
    return addr !== undefined && forms(addr).some((a) => allow.some((r) => within(a, r)))
  }
  return {
    explicitlyAllowed,
    check(ip) {
      const addr = parse(ip)
      if (!addr) return 'not an IP address'
      const all = forms(addr)
      const denied = deny.find((r) => all.some((a) => within(a, r)))
      if (denied) return `in a denied range (${denied[0].toString()}/${denied[1]})`
      if (explicitlyAllowed(ip)) return undefined
      for (const a of all) {
        const block = BLOCKS.find((b) => within(a, b.range))
        if (block && !(block.privateRange && options.allowPrivate)) return block.reason
      }
      return undefined
    },
  }
}

/** Parses an address in any form ipaddr.js knows; undefined when it is not one. */
function parse(ip: string): Addr | undefined {
  const s = ip.trim().replace(/^\[(.*)\]$/, '$1')
  return ipaddr.isValid(s) ? ipaddr.parse(s) : undefined
}

/** The address and every IPv4 address it carries (mapped, NAT64, 6to4): all of them are checked. */
function forms(addr: Addr): Addr[] {
  if (addr.kind() === 'ipv4') return [addr]
  const v6 = addr as ipaddr.IPv6
  if (v6.isIPv4MappedAddress()) return [v6, v6.toIPv4Address()]
  const bytes = v6.toByteArray()
  const embedded = EMBEDDING.filter(([r]) => within(v6, r)).map(
    ([, at]) => new ipaddr.IPv4(bytes.slice(at, at + 4)),
  )
  return [v6, ...embedded]
}

function within(addr: Addr, range: Range): boolean {
  return addr.kind() === range[0].kind() && addr.match(range)
}

function cidr(text: string): Range {
  const s = text.trim()
  if (!s.includes('/')) {
    const one = parse(s)
    if (!one) throw new Error(`invalid CIDR: ${text}`)
    return [one, one.kind() === 'ipv4' ? 32 : 128]
  }
  if (!ipaddr.isValidCIDR(s)) throw new Error(`invalid CIDR: ${text}`)
  return ipaddr.parseCIDR(s)
}
