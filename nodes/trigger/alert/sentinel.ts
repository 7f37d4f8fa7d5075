import type { Normalizer } from './shape.ts'
import { getPath, isObj, type Obj, observables, severityFromWord, str, toIso, unrecognized } from './util.ts'

/** The incident resource: the Logic App trigger wraps it in `object`, the REST API returns it bare. */
function incidentOf(p: Obj): Obj | undefined {
  const candidate = isObj(p.object) ? p.object : p
  const props = candidate.properties
  if (!isObj(props)) return undefined
  const looksLikeIncident =
    props.incidentNumber !== undefined ||
    Array.isArray(props.relatedAnalyticRuleIds) ||
    String(candidate.type ?? '').startsWith('Microsoft.SecurityInsights/')
  return looksLikeIncident ? candidate : undefined
}

/** True for a Microsoft Sentinel incident (Logic App incident trigger body or API resource). */
export function isSentinel(p: Obj): boolean {
  return incidentOf(p) !== undefined
}

function entities(props: Obj): { kind: string; properties: Obj }[] {
  const list = Array.isArray(props.relatedEntities) ? props.relatedEntities : []
  return list
    .filter(isObj)
    .map((e) => ({ kind: String(e.kind ?? ''), properties: isObj(e.properties) ? e.properties : {} }))
}

/**
 * Normalizes a Sentinel incident. Host, user and IPs come from the incident's related entities
 * (Account, Host, Ip, Url, FileHash, DnsResolution, MailMessage); the rule id is the analytic
 * rule's GUID (the last segment of `relatedAnalyticRuleIds[0]`).
 */
export const normalizeSentinel: Normalizer = (p, env) => {
  const incident = incidentOf(p)
  if (!incident) {
    throw unrecognized('Microsoft Sentinel', '"properties" with "incidentNumber" or "relatedAnalyticRuleIds"')
  }
  const props = incident.properties as Obj
  const ents = entities(props)
  const of = (kind: string) => ents.filter((e) => e.kind.toLowerCase() === kind).map((e) => e.properties)
  const account = of('account')[0]
  const user = account
    ? (str(account, 'userPrincipalName') ??
      (str(account, 'accountName') && str(account, 'upnSuffix')
        ? `${str(account, 'accountName')}@${str(account, 'upnSuffix')}`
        : str(account, 'accountName', 'friendlyName')))
    : undefined
  const ips = of('ip').map((e) => str(e, 'address'))
  const ruleRef = str(props, 'relatedAnalyticRuleIds')
  const title = str(props, 'title') ?? 'Sentinel incident'
  const tactics = getPath(props, 'additionalData.tactics')
  return {
    id: str(incident, 'name') ?? str(props, 'incidentNumber') ?? env.fallbackId,
    source: 'sentinel',
    rule: {
      id: ruleRef?.split('/').pop() ?? 'unknown',
      name: str(props, 'alerts.0.properties.alertDisplayName') ?? title,
    },
    severity: severityFromWord(str(props, 'severity')) ?? 'medium',
    title,
    description: str(props, 'description'),
    timestamp: toIso(props.createdTimeUtc ?? props.firstActivityTimeUtc, env.now),
    host: of('host')
      .map((h) => str(h, 'hostName', 'netBiosName', 'friendlyName'))
      .find(Boolean),
    user,
    src_ip: ips.find(Boolean),
    tags: Array.isArray(tactics) ? tactics.filter((t): t is string => typeof t === 'string') : undefined,
    link: str(props, 'incidentUrl'),
    observables: observables(
      ents.filter((e) => !['account', 'host'].includes(e.kind.toLowerCase())).map((e) => e.properties),
      {
        ips,
        urls: of('url').map((e) => str(e, 'url')),
        domains: of('dnsresolution').map((e) => str(e, 'domainName')),
        hashes: of('filehash').map((e) => str(e, 'hashValue')),
        emails: of('mailmessage').flatMap((e) => [str(e, 'sender'), str(e, 'p1Sender')]),
      },
    ),
    raw: p,
  }
}
