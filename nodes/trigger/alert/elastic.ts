import { ecsFields } from './ecs.ts'
import type { Normalizer } from './shape.ts'
import {
  getPath,
  isObj,
  num,
  type Obj,
  severityFromRiskScore,
  severityFromWord,
  str,
  unrecognized,
} from './util.ts'

function isAlertDoc(doc: unknown): doc is Obj {
  return (
    isObj(doc) && (getPath(doc, 'kibana.alert.rule.name') !== undefined || isObj(getPath(doc, 'signal.rule')))
  )
}

/**
 * The alert document inside what the Kibana webhook connector sends. Users map the body in the
 * rule action: usually `{ rule, context: { alerts } }` or `{ alerts }` from the rule's action
 * variables, sometimes one alert document as is. With several alerts, the first one is used.
 */
function alertDocOf(p: Obj): Obj | undefined {
  if (isAlertDoc(p)) return p
  for (const path of ['context.alerts', 'alerts', 'context.alerts.0', 'alert']) {
    const v = getPath(p, path)
    const doc = Array.isArray(v) ? v[0] : v
    if (isAlertDoc(doc)) return doc
  }
  return undefined
}

/** True for an Elastic Security alert: `kibana.alert.*` fields (8.x) or the legacy `signal.*` (7.x). */
export function isElastic(p: Obj): boolean {
  return alertDocOf(p) !== undefined
}

/** Normalizes an Elastic Security alert: the detection rule and risk score on top of its ECS fields. */
export const normalizeElastic: Normalizer = (p, env) => {
  const doc = alertDocOf(p)
  if (!doc) {
    throw unrecognized(
      'Elastic Security',
      '"kibana.alert.rule.name" (or legacy "signal.rule"), at the top or in "context.alerts"/"alerts"',
    )
  }
  const base = ecsFields(doc, 'elastic', env)
  const ruleName = str(doc, 'kibana.alert.rule.name', 'signal.rule.name') ?? base.title
  const score = num(doc, 'kibana.alert.risk_score', 'signal.rule.risk_score')
  const tags = getPath(doc, 'kibana.alert.rule.tags') ?? getPath(doc, 'signal.rule.tags')
  return {
    ...base,
    id: str(doc, 'kibana.alert.uuid', '_id', 'signal.parent.id') ?? env.fallbackId,
    rule: {
      id:
        str(doc, 'kibana.alert.rule.uuid', 'kibana.alert.rule.rule_id', 'signal.rule.id') ??
        str(p, 'rule.id') ??
        'unknown',
      name: ruleName,
    },
    severity:
      severityFromWord(str(doc, 'kibana.alert.severity', 'signal.rule.severity')) ??
      (score === undefined ? base.severity : severityFromRiskScore(score)),
    score,
    title: ruleName,
    description:
      str(doc, 'kibana.alert.reason', 'signal.reason', 'kibana.alert.rule.description') ?? base.description,
    tags: Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : base.tags,
    link: str(doc, 'kibana.alert.url') ?? str(p, 'rule.url') ?? base.link,
    raw: p,
  }
}
