import type { Normalizer } from './shape.ts'
import { ip, isObj, num, observables, severityFromWord, str, toIso, unrecognized } from './util.ts'

/** True for Splunk's webhook alert action body: `{ result, sid, results_link, search_name, owner, app }`. */
export function isSplunk(p: Record<string, unknown>): boolean {
  return typeof p.search_name === 'string' && (isObj(p.result) || typeof p.sid === 'string')
}

/**
 * Splunk's alert action sends the first result row only, with every field as a string. Severity
 * comes from a `severity`/`urgency` field of the search when it has one (Enterprise Security
 * notables do), or Splunk's numeric `alert.severity` 1-6; otherwise it is `medium`.
 */
export const normalizeSplunk: Normalizer = (p, env) => {
  if (!isSplunk(p)) throw unrecognized('Splunk', '"search_name" and "result" (webhook alert action)')
  const r = isObj(p.result) ? p.result : {}
  const name = str(p, 'search_name') ?? 'Splunk alert'
  const numeric = num(r, 'alert_severity', 'severity_id')
  const severity =
    severityFromWord(str(r, 'severity', 'urgency', 'priority')) ??
    (numeric === undefined
      ? undefined
      : (['informational', 'informational', 'low', 'medium', 'high', 'critical'] as const)[
          Math.min(5, Math.max(0, Math.round(numeric) - 1))
        ]) ??
    'medium'
  const srcIp = ip(r, 'src_ip', 'src', 'source_ip', 'client_ip')
  const dstIp = ip(r, 'dest_ip', 'dest', 'dst_ip', 'destination_ip')
  return {
    id: str(p, 'sid') ?? env.fallbackId,
    source: 'splunk',
    rule: { id: name, name },
    severity,
    score: num(r, 'risk_score', 'score'),
    title: name,
    description: str(r, 'description', 'signature', 'message'),
    timestamp: toIso(r._time, env.now),
    host: str(r, 'dest_host', 'host', 'dest', 'dvc'),
    user: str(r, 'user', 'src_user', 'dest_user'),
    src_ip: srcIp,
    dst_ip: dstIp,
    link: str(p, 'results_link'),
    observables: observables(r, { ips: [srcIp, dstIp] }),
    raw: p,
  }
}
