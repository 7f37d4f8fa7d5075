import { createRegistry, type NodeRegistry, type NodeType } from '../runtime/node-type.ts'
import { actionCase } from './action/case.ts'
import { actionEmail } from './action/email.ts'
import { actionHttp } from './action/http.ts'
import { conditionFilter } from './condition/filter.ts'
import { conditionIf } from './condition/if.ts'
import { conditionSwitch } from './condition/switch.ts'
import { enrichExtractIocs } from './enrich/extract-iocs.ts'
import { enrichIpInfo } from './enrich/ip-info.ts'
import { enrichLookup } from './enrich/lookup.ts'
import { flowApproval } from './flow/approval.ts'
import { flowDelay } from './flow/delay.ts'
import { forEachNode } from './flow/foreach.ts'
import { playbookNode } from './flow/playbook.ts'
import { javascriptNode } from './script/javascript.ts'
import { templateNodeTypes } from './templates/load.ts'
import { transformSet } from './transform/set.ts'
import { triggerAlert } from './trigger/alert.ts'
import { triggerManual } from './trigger/manual.ts'
import { triggerSchedule } from './trigger/schedule.ts'
import { triggerSilence } from './trigger/silence.ts'
import { triggerWebhook } from './trigger/webhook.ts'

/** Every built-in node type, in palette order (triggers, enrichment, conditions, flow, transform, actions). */
export const builtinNodeTypes: readonly NodeType[] = [
  triggerWebhook,
  triggerAlert,
  triggerSchedule,
  triggerManual,
  triggerSilence,
  enrichExtractIocs,
  enrichIpInfo,
  enrichLookup,
  conditionIf,
  conditionSwitch,
  conditionFilter,
  flowDelay,
  flowApproval,
  forEachNode,
  playbookNode,
  transformSet,
  javascriptNode,
  actionHttp,
  actionEmail,
  actionCase,
  ...templateNodeTypes(),
]

/**
 * A registry of the built-in node types, plus any extra ones (integration templates, test nodes).
 * @example createBuiltinRegistry().get('enrich.ip-info', 1)?.title // 'IP info'
 */
export function createBuiltinRegistry(extra: readonly NodeType[] = []): NodeRegistry {
  return createRegistry([...builtinNodeTypes, ...extra])
}
