import type { Alert, AlertSource, NormalizeEnv, Severity } from './shape.ts'
import {
  getPath,
  ip,
  isObj,
  num,
  type Obj,
  observables,
  severityFromRiskScore,
  severityFromWord,
  str,
  toIso,
  unrecognized,
  without,
} from './util.ts'

/**
 * ECS fields not scanned for indicators: the sensor and pipeline, the rule, the affected host and
 * user, and the recipients of an e-mail (they are the victims, not indicators).
 */
const NOT_SCANNED = [
  'agent',
  'ecs',
  'data_stream',
  'event',
  'observer',
  'elastic_agent',
  'kibana',
  'signal',
  'rule',
  'fleet',
  'host',
  'user',
  'email.to',
  'email.cc',
  'email.bcc',
  'email.message_id',
]

/** True for an Elastic Common Schema document: `@timestamp` plus an `event` section or `ecs.version`. */
export function isEcs(p: Obj): boolean {
  return (
    getPath(p, '@timestamp') !== undefined &&
    (isObj(p.event) || str(p, 'event.kind', 'ecs.version') !== undefined)
  )
}

/**
 * `event.severity` is a number whose scale depends on the source: 0-10 is read as a 0-10 scale
 * (most firewalls and EDRs), larger numbers as a 0-100 risk score.
 */
export function severityFromNumber(n: number): Severity {
  if (n > 10) return severityFromRiskScore(n)
  if (n <= 1) return 'informational'
  if (n <= 3) return 'low'
  if (n <= 6) return 'medium'
  if (n <= 8) return 'high'
  return 'critical'
}

/** The fields ECS documents share; Elastic alerts add `kibana.alert.*` on top (see elastic.ts). */
export function ecsFields(doc: Obj, source: AlertSource, env: NormalizeEnv): Alert {
  const srcIp = ip(doc, 'source.ip', 'client.ip')
  const dstIp = ip(doc, 'destination.ip', 'server.ip')
  const numeric = num(doc, 'event.severity', 'event.risk_score')
  const title = str(doc, 'rule.name', 'email.subject', 'event.action', 'message') ?? `${source} alert`
  const tags = getPath(doc, 'tags')
  return {
    id: str(doc, 'event.id', '_id', 'id') ?? env.fallbackId,
    source,
    rule: {
      id: str(doc, 'rule.id', 'rule.uuid', 'rule.name', 'event.action') ?? 'unknown',
      name: str(doc, 'rule.name') ?? title,
    },
    severity:
      severityFromWord(str(doc, 'event.severity_name', 'log.level', 'severity')) ??
      (numeric === undefined ? 'medium' : severityFromNumber(numeric)),
    score: numeric,
    title,
    description: str(doc, 'message', 'rule.description', 'event.reason'),
    timestamp: toIso(getPath(doc, '@timestamp'), env.now),
    host: str(doc, 'host.name', 'host.hostname'),
    user: str(doc, 'user.name', 'user.email'),
    src_ip: srcIp,
    dst_ip: dstIp,
    tags: Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : undefined,
    link: str(doc, 'event.url'),
    observables: observables(without(doc, NOT_SCANNED), {
      ips: [srcIp, dstIp],
      domains: [str(doc, 'destination.domain'), str(doc, 'url.domain'), str(doc, 'dns.question.name')],
      urls: [str(doc, 'url.full', 'url.original')],
      hashes: [str(doc, 'file.hash.sha256'), str(doc, 'process.hash.sha256'), str(doc, 'file.hash.md5')],
      emails: [str(doc, 'email.from.address'), str(doc, 'email.sender.address')],
    }),
    raw: doc,
  }
}

/** Normalizes a generic ECS document (any ECS-shaped alert, e.g. from a firewall or a mail gateway). */
export function normalizeEcs(p: Obj, env: NormalizeEnv): Alert {
  if (!isEcs(p)) throw unrecognized('ECS', '"@timestamp" and an "event" section')
  return ecsFields(p, 'ecs', env)
}

/** True when the payload has at least something to call the alert. */
export function isGeneric(p: Obj): boolean {
  return str(p, 'title', 'name', 'alert_name', 'rule.name', 'summary', 'message', 'description') !== undefined
}

/**
 * Normalizes any JSON object with a title-like field (`title`, `name`, `alert_name`, `rule.name`,
 * `summary`, `message`); indicators are extracted from every string in it.
 */
export function normalizeGeneric(p: Obj, env: NormalizeEnv): Alert {
  if (!isGeneric(p)) {
    throw unrecognized('generic', 'a JSON object with "title", "name", "rule.name", "summary" or "message"')
  }
  const title = str(p, 'title', 'name', 'alert_name', 'rule.name', 'summary', 'message') as string
  const numeric = num(p, 'severity', 'priority', 'level', 'score', 'risk_score')
  const srcIp = ip(p, 'src_ip', 'source_ip', 'srcip', 'source.ip', 'ip')
  const dstIp = ip(p, 'dst_ip', 'dest_ip', 'destination_ip', 'dstip', 'destination.ip')
  return {
    id: str(p, 'id', 'alert_id', 'uuid', 'event_id') ?? env.fallbackId,
    source: 'generic',
    rule: {
      id: str(p, 'rule_id', 'rule.id', 'rule.name', 'rule') ?? title,
      name: str(p, 'rule_name', 'rule.name', 'rule') ?? title,
    },
    severity:
      severityFromWord(str(p, 'severity', 'priority', 'level')) ??
      (numeric === undefined ? 'medium' : severityFromNumber(numeric)),
    score: numeric,
    title,
    description: str(p, 'description', 'message', 'details'),
    timestamp: toIso(p.timestamp ?? p.time ?? p['@timestamp'] ?? p.created_at ?? p.date, env.now),
    host: str(p, 'host', 'hostname', 'host.name', 'device'),
    user: str(p, 'user', 'username', 'user.name', 'account'),
    src_ip: srcIp,
    dst_ip: dstIp,
    observables: observables(p, { ips: [srcIp, dstIp] }),
    raw: p,
  }
}
