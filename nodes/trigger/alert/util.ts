import { NodeError } from '../../../runtime/node-type.ts'
import { extractIocs } from '../../lib/iocs.ts'
import { isIp } from '../../lib/ip.ts'
import type { Observables, Severity } from './shape.ts'

/** Helpers shared by the alert normalizers. */

export type Obj = Record<string, unknown>

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/**
 * Reads a dotted path that may be stored nested (`{kibana: {alert: {...}}}`), flattened
 * (`{'kibana.alert.severity': ...}`) or mixed, as SIEM documents often are.
 * @example getPath({ 'kibana.alert': { severity: 'high' } }, 'kibana.alert.severity') // 'high'
 */
export function getPath(obj: unknown, path: string): unknown {
  const segments = path.split('.')
  const walk = (node: unknown, i: number): unknown => {
    if (i === segments.length) return node
    if (!isObj(node)) return undefined
    for (let j = segments.length; j > i; j--) {
      const key = segments.slice(i, j).join('.')
      if (Object.hasOwn(node, key)) {
        const found = walk(node[key], j)
        if (found !== undefined) return found
      }
    }
    return undefined
  }
  return walk(obj, 0)
}

/** The first path holding a non-empty string or a number (as a string); arrays give their first item. */
export function str(obj: unknown, ...paths: string[]): string | undefined {
  for (const p of paths) {
    let v = getPath(obj, p)
    if (Array.isArray(v)) v = v[0]
    if (typeof v === 'string' && v.trim() !== '') return v.trim()
    if (typeof v === 'number' && Number.isFinite(v)) return String(v)
  }
  return undefined
}

/** The first path holding a number or a numeric string. */
export function num(obj: unknown, ...paths: string[]): number | undefined {
  for (const p of paths) {
    const v = getPath(obj, p)
    const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN
    if (Number.isFinite(n)) return n
  }
  return undefined
}

/** The first path holding a valid IP address. */
export function ip(obj: unknown, ...paths: string[]): string | undefined {
  for (const p of paths) {
    const v = str(obj, p)
    if (v && isIp(v)) return v
  }
  return undefined
}

/**
 * Converts SIEM timestamps to ISO 8601 UTC: ISO strings (also `+0000` offsets, as Wazuh writes
 * them), epoch seconds or milliseconds (numbers or numeric strings, as Splunk's `_time`).
 */
export function toIso(value: unknown, fallbackMs: number): string {
  if (typeof value === 'number' || (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()))) {
    const n = Number(value)
    const ms = n > 1e12 ? n : n * 1000
    const d = new Date(ms)
    if (Number.isFinite(d.getTime())) return d.toISOString()
  }
  if (typeof value === 'string') {
    const fixed = value.trim().replace(/([+-]\d{2})(\d{2})$/, '$1:$2')
    const ms = Date.parse(fixed)
    if (Number.isFinite(ms)) return new Date(ms).toISOString()
  }
  return new Date(fallbackMs).toISOString()
}

const SEVERITY_WORDS: Record<string, Severity> = {
  informational: 'informational',
  information: 'informational',
  info: 'informational',
  debug: 'informational',
  none: 'informational',
  low: 'low',
  minor: 'low',
  warning: 'low',
  medium: 'medium',
  moderate: 'medium',
  normal: 'medium',
  high: 'high',
  major: 'high',
  error: 'high',
  critical: 'critical',
  severe: 'critical',
  urgent: 'critical',
  fatal: 'critical',
}

/** Maps a severity word (`High`, `informational`, `moderate`, ...) to the alert scale. */
export function severityFromWord(word: string | undefined): Severity | undefined {
  return word === undefined ? undefined : SEVERITY_WORDS[word.trim().toLowerCase()]
}

/**
 * Maps a 0-100 risk score with Elastic Security's bands: low below 21, medium below 48, high below
 * 74, critical from 74; a score of 0 is informational.
 */
export function severityFromRiskScore(score: number): Severity {
  if (score <= 0) return 'informational'
  if (score < 21) return 'low'
  if (score < 48) return 'medium'
  if (score < 74) return 'high'
  return 'critical'
}

const OBSERVABLE_LIMIT = 500

/** Builds observables from explicit fields and from the indicators found in `scan` (any JSON). */
export function observables(
  scan: unknown,
  explicit: Partial<Record<keyof Observables, (string | undefined)[]>> = {},
): Observables {
  const found = extractIocs(scan)
  const merge = (a: (string | undefined)[] | undefined, b: string[]): string[] =>
    [...new Set([...(a ?? []).filter((x): x is string => typeof x === 'string' && x !== ''), ...b])].slice(
      0,
      OBSERVABLE_LIMIT,
    )
  return {
    ips: merge(
      explicit.ips,
      found.ips.map((i) => i.value),
    ),
    domains: merge(explicit.domains, found.domains),
    urls: merge(explicit.urls, found.urls),
    hashes: merge(
      explicit.hashes?.map((h) => h?.toLowerCase()),
      [...found.md5, ...found.sha1, ...found.sha256],
    ),
    emails: merge(
      explicit.emails?.map((e) => e?.toLowerCase()),
      found.emails,
    ),
  }
}

/**
 * A copy of `obj` without the given dotted paths (nested or flattened), to keep SIEM bookkeeping
 * and the affected asset's own addresses out of the indicator scan.
 * @example without({ email: { to: 'a@b.io', subject: 'x' } }, ['email.to']) // { email: { subject: 'x' } }
 */
export function without(obj: Obj, paths: readonly string[]): Obj {
  const out: Obj = {}
  for (const [k, v] of Object.entries(obj)) {
    if (paths.some((p) => k === p || k.startsWith(`${p}.`))) continue
    const nested = paths.filter((p) => p.startsWith(`${k}.`)).map((p) => p.slice(k.length + 1))
    out[k] = nested.length > 0 && isObj(v) ? without(v, nested) : v
  }
  return out
}

/** The error every normalizer throws for a payload that is not its format. */
export function unrecognized(format: string, expected: string): NodeError {
  return new NodeError('ALERT_UNRECOGNIZED', `not a ${format} alert: expected ${expected}`, {
    retryable: false,
  })
}
