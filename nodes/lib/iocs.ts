import { refang } from './defang.ts'
import { classifyIp, type IpFacts, parseIp } from './ip.ts'
import { isKnownTld } from './tld.ts'

/**
 * Indicator-of-compromise extraction from free text or any JSON value (every string is scanned).
 * Defanged forms are refanged first; results are deduplicated in order of first appearance.
 */

export const IOC_TYPES = ['ipv4', 'ipv6', 'domain', 'url', 'email', 'md5', 'sha1', 'sha256'] as const
export type IocType = (typeof IOC_TYPES)[number]

/** One IP indicator with its classification (`private` covers RFC 1918, loopback, link-local, ULA, CGNAT). */
export interface IpIoc {
  value: string
  version: 4 | 6
  range: string
  private: boolean
  reserved: boolean
}

export interface ExtractedIocs {
  ips: IpIoc[]
  domains: string[]
  urls: string[]
  emails: string[]
  md5: string[]
  sha1: string[]
  sha256: string[]
  /** True when input beyond the scan limits was ignored. */
  truncated: boolean
}

/** Scan limits: bound the work on hostile or huge payloads. */
export const IOC_LIMITS = {
  maxStringChars: 1_000_000,
  maxTotalChars: 5_000_000,
  maxDepth: 64,
  maxPerType: 10_000,
}

const URL_RE = /\b(?:https?|ftp):\/\/[^\s<>"'`{}|\\^[\]]+/gi
const EMAIL_RE =
  /(?<![\w.%+-])[a-z0-9][a-z0-9._%+-]{0,63}@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{1,62}\b/gi
const IPV4_RE = /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?!\.?\d)/g
const IPV6_RE = /(?<![\w:.])[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?:\.\d{1,3}){0,3}(?![\w:])/gi
const HASH_RE = /(?<![0-9a-f])[0-9a-f]{32,64}(?![0-9a-f])/gi
const DOMAIN_RE =
  /(?<![\w@.-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{1,62}(?![\w-]|\.[a-z0-9])/gi

/** Collects the strings inside a JSON value, within the scan limits. */
export function collectStrings(value: unknown): { strings: string[]; truncated: boolean } {
  const strings: string[] = []
  let total = 0
  let truncated = false
  const walk = (v: unknown, depth: number): void => {
    if (total >= IOC_LIMITS.maxTotalChars || depth > IOC_LIMITS.maxDepth) {
      truncated = true
      return
    }
    if (typeof v === 'string') {
      const s = v.length > IOC_LIMITS.maxStringChars ? v.slice(0, IOC_LIMITS.maxStringChars) : v
      if (s.length < v.length) truncated = true
      strings.push(s)
      total += s.length
    } else if (Array.isArray(v)) {
      for (const item of v) walk(item, depth + 1)
    } else if (v && typeof v === 'object') {
      for (const item of Object.values(v)) walk(item, depth + 1)
    }
  }
  walk(value, 0)
  return { strings, truncated }
}

function cleanUrl(raw: string): string {
  let url = raw.replace(/[.,;:!?'"]+$/, '')
  while (url.endsWith(')') && (url.match(/\(/g)?.length ?? 0) < (url.match(/\)/g)?.length ?? 0)) {
    url = url.slice(0, -1).replace(/[.,;:!?'"]+$/, '')
  }
  return url
}

function hostOf(url: string): string | undefined {
  const m = /^[a-z]+:\/\/(?:[^@/?#]*@)?(\[[^\]]+\]|[^/:?#]+)/i.exec(url)
  return m?.[1]?.replace(/^\[|\]$/g, '').toLowerCase()
}

function isDomain(candidate: string): boolean {
  const labels = candidate.split('.')
  const tld = labels[labels.length - 1] ?? ''
  return labels.length >= 2 && candidate.length <= 253 && isKnownTld(tld)
}

/**
 * Extracts indicators from a string or any JSON value.
 * @example extractIocs('see hxxp://evil[.]example/x from 8.8.8.8').urls // ['http://evil.example/x']
 */
export function extractIocs(input: unknown, types: readonly IocType[] = IOC_TYPES): ExtractedIocs {
  const want = new Set(types)
  const { strings, truncated } = collectStrings(input)
  const found = {
    ip: new Map<string, IpIoc>(),
    domain: new Set<string>(),
    url: new Set<string>(),
    email: new Set<string>(),
    md5: new Set<string>(),
    sha1: new Set<string>(),
    sha256: new Set<string>(),
  }
  const addIp = (text: string): void => {
    const facts: IpFacts | undefined = classifyIp(text)
    if (!facts || !want.has(facts.version === 4 ? 'ipv4' : 'ipv6') || found.ip.size >= IOC_LIMITS.maxPerType)
      return
    if (found.ip.has(facts.ip)) return
    found.ip.set(facts.ip, {
      value: facts.ip,
      version: facts.version,
      range: facts.range,
      private: facts.class === 'private',
      reserved: facts.class === 'reserved',
    })
  }
  const addDomain = (d: string): void => {
    if (want.has('domain') && found.domain.size < IOC_LIMITS.maxPerType) found.domain.add(d.toLowerCase())
  }
  const add = (set: Set<string>, value: string): void => {
    if (set.size < IOC_LIMITS.maxPerType) set.add(value)
  }

  for (const original of strings) {
    let text = refang(original)
    text = text.replace(URL_RE, (raw) => {
      const url = cleanUrl(raw)
      if (want.has('url')) add(found.url, url)
      const host = hostOf(url)
      if (host) {
        if (parseIp(host)) addIp(host)
        else if (isDomain(host)) addDomain(host)
      }
      return ` ${raw.slice(url.length)}`
    })
    text = text.replace(EMAIL_RE, (email) => {
      const domain = email.slice(email.indexOf('@') + 1)
      if (!isDomain(domain)) return email
      if (want.has('email')) add(found.email, email.toLowerCase())
      return ' '
    })
    for (const m of text.matchAll(IPV4_RE)) addIp(m[0])
    for (const m of text.matchAll(IPV6_RE)) if (m[0].length >= 3 && /[0-9a-f]/i.test(m[0])) addIp(m[0])
    for (const m of text.matchAll(HASH_RE)) {
      const h = m[0].toLowerCase()
      if (h.length === 32 && want.has('md5')) add(found.md5, h)
      else if (h.length === 40 && want.has('sha1')) add(found.sha1, h)
      else if (h.length === 64 && want.has('sha256')) add(found.sha256, h)
    }
    for (const m of text.matchAll(DOMAIN_RE)) if (isDomain(m[0]) && !parseIp(m[0])) addDomain(m[0])
  }
  return {
    ips: [...found.ip.values()],
    domains: [...found.domain],
    urls: [...found.url],
    emails: [...found.email],
    md5: [...found.md5],
    sha1: [...found.sha1],
    sha256: [...found.sha256],
    truncated,
  }
}
