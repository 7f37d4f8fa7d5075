import { lookup as dnsLookup } from 'node:dns/promises'
import { isIP } from 'node:net'
import { NodeError } from '../../runtime/node-type.ts'
import type { AddressPolicy } from './address-policy.ts'

/** One address a host name resolved to. */
export interface ResolvedAddress {
  address: string
  family: 4 | 6
}

/** Resolves a host name to all its addresses (node:dns `lookup` with `all: true` by default). */
export type HostLookup = (hostname: string) => Promise<ResolvedAddress[]>

/** Host names of cloud metadata services, refused by name whatever they resolve to. */
const METADATA_NAMES = new Set(['metadata.google.internal', 'metadata.goog', 'metadata'])

/** The system resolver, as `fetch` would use it: every address, in the resolver's order. */
export const systemLookup: HostLookup = async (hostname) => {
  const found = await dnsLookup(hostname, { all: true, verbatim: true })
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }))
}

/**
 * Resolves a URL's host and checks EVERY address against the policy, so a name with one public and
 * one internal address is refused. The caller connects only to the returned addresses, so a second
 * DNS answer (rebinding) can never swap in another one.
 * @example await vetHost('[::1]', policy) // throws NodeError HTTP_ADDRESS_BLOCKED
 */
export async function vetHost(
  urlHostname: string,
  policy: AddressPolicy,
  lookup: HostLookup = systemLookup,
): Promise<ResolvedAddress[]> {
  const host = urlHostname
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '')
    .toLowerCase()
  const literal = isIP(host)
  if (METADATA_NAMES.has(host)) {
    // Refused by name even where it does not resolve; only an explicit allowCidrs entry opens it.
    const found = await resolve(host, lookup).catch(() => [])
    if (found.length === 0 || !found.every((a) => policy.explicitlyAllowed(a.address))) {
      throw blocked(host, 'cloud metadata host name')
    }
  }
  const addresses: ResolvedAddress[] = literal
    ? [{ address: host, family: literal === 6 ? 6 : 4 }]
    : await resolve(host, lookup)
  if (addresses.length === 0) {
    throw new NodeError('HTTP_DNS_FAILED', `host ${host} did not resolve to any address`)
  }
  for (const a of addresses) {
    const reason = policy.check(a.address)
    if (reason) throw blocked(host, literal ? reason : `resolves to ${a.address}, a ${reason}`)
  }
  return addresses
}

async function resolve(host: string, lookup: HostLookup): Promise<ResolvedAddress[]> {
  try {
    return await lookup(host)
  } catch (err) {
    const code = (err as { code?: string }).code
    throw new NodeError('HTTP_DNS_FAILED', `host ${host} could not be resolved (${code ?? 'error'})`, {
      retryable: code !== 'ENOTFOUND',
      cause: err,
    })
  }
}

function blocked(host: string, reason: string): NodeError {
  return new NodeError(
    'HTTP_ADDRESS_BLOCKED',
    `refused to connect to ${host}: ${reason}; the operator can allow it (allowCidrs / allowPrivate)`,
    { retryable: false, details: { host, reason } },
  )
}
