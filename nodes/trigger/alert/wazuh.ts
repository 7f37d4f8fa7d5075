import type { Normalizer, Severity } from './shape.ts'
import { getPath, ip, isObj, num, observables, str, toIso, unrecognized } from './util.ts'

/** True for a Wazuh alert as its integrations send it: `rule.level` plus an `agent`. */
export function isWazuh(p: Record<string, unknown>): boolean {
  return isObj(p.rule) && num(p, 'rule.level') !== undefined && isObj(p.agent)
}

/**
 * Wazuh rule levels 0-15 to severity, following the Wazuh dashboard's bands (low 0-6, medium
 * 7-11, high 12-14, critical 15), with levels 0-2 (ignored/system) as informational.
 */
export function wazuhSeverity(level: number): Severity {
  if (level <= 2) return 'informational'
  if (level <= 6) return 'low'
  if (level <= 11) return 'medium'
  if (level <= 14) return 'high'
  return 'critical'
}

/** Normalizes a Wazuh alert; event fields come from `data` (decoded log), `full_log` and `syscheck`. */
export const normalizeWazuh: Normalizer = (p, env) => {
  if (!isWazuh(p)) throw unrecognized('Wazuh', '"rule" with a numeric "level" and an "agent" object')
  const level = num(p, 'rule.level') ?? 0
  const srcIp = ip(p, 'data.srcip', 'data.src_ip', 'data.win.eventdata.ipAddress')
  const dstIp = ip(p, 'data.dstip', 'data.dst_ip')
  const groups = getPath(p, 'rule.groups')
  const title = str(p, 'rule.description') ?? `Wazuh rule ${str(p, 'rule.id') ?? ''}`.trim()
  return {
    id: str(p, 'id') ?? env.fallbackId,
    source: 'wazuh',
    rule: { id: str(p, 'rule.id') ?? 'unknown', name: title },
    severity: wazuhSeverity(level),
    score: level,
    title,
    description: str(p, 'full_log'),
    timestamp: toIso(p.timestamp, env.now),
    host: str(p, 'agent.name', 'predecoder.hostname'),
    user: str(
      p,
      'data.dstuser',
      'data.srcuser',
      'data.win.eventdata.targetUserName',
      'data.win.eventdata.subjectUserName',
    ),
    src_ip: srcIp,
    dst_ip: dstIp,
    tags: Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : undefined,
    observables: observables([p.data, p.full_log, p.syscheck], {
      ips: [srcIp, dstIp],
      hashes: [str(p, 'syscheck.md5_after'), str(p, 'syscheck.sha1_after'), str(p, 'syscheck.sha256_after')],
    }),
    raw: p,
  }
}
