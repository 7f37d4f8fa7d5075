import { z } from 'zod'
import { defineNode, NodeError } from '../../runtime/node-type.ts'
import { NORMALIZERS } from './alert/detect.ts'
import { ALERT_SOURCES, type Alert, alertSchema } from './alert/shape.ts'
import { isObj } from './alert/util.ts'
import { groupingSchema } from './grouping.ts'

const EXPECTED =
  'a Splunk webhook alert action body, an Elastic Security alert (kibana.alert.*), a Wazuh alert (rule.level + agent), ' +
  'a Microsoft Sentinel incident (properties.incidentNumber), an ECS document (@timestamp + event) or a JSON object with a title'

/**
 * `trigger.alert`: receives a SIEM alert and normalizes it into the alert shape of
 * `alert/shape.ts`, whatever the SIEM (Splunk, Elastic Security, Wazuh, Microsoft Sentinel, ECS or
 * generic JSON). The original payload is kept as `raw`. A payload of no known format fails with
 * `ALERT_UNRECOGNIZED`. `grouping` (see grouping.ts) tells the server how to group alerts into cases.
 */
export const triggerAlert = defineNode({
  type: 'trigger.alert',
  version: 1,
  category: 'trigger',
  title: 'SIEM alert',
  description: 'Starts the playbook on a SIEM alert, normalized into one alert shape (raw payload kept).',
  icon: 'shield-alert',
  params: z.object({
    format: z
      .enum(['auto', ...ALERT_SOURCES])
      .default('auto')
      .describe('The SIEM format of incoming payloads; auto detects it per alert'),
    grouping: groupingSchema.optional().describe('Groups repeated alerts into one case (server)'),
  }),
  // Read by the server for each incoming alert, never resolved against a run.
  lazyParams: ['grouping'],
  output: alertSchema,
  run({ params, ctx }) {
    return { output: normalizeAlert(ctx.trigger, params.format, { now: ctx.now(), fallbackId: ctx.runId }) }
  },
})

/**
 * True when `normalizeAlert` would find a normalizer for the payload (it may still find the payload
 * malformed). Lets a caller that only stores recognized alerts skip the error's cost.
 * @example recognizesAlert({ host: 'ws1' }, 'auto') // false
 */
export function recognizesAlert(payload: unknown, format: 'auto' | Alert['source']): boolean {
  return isObj(payload) && (format !== 'auto' || NORMALIZERS.some((n) => n.detect(payload)))
}

/**
 * Normalizes one payload; `format: 'auto'` tries each SIEM format in turn.
 * @example normalizeAlert(wazuhJson, 'auto', { now: Date.now(), fallbackId: 'run_1' }).severity // 'medium'
 */
export function normalizeAlert(
  payload: unknown,
  format: 'auto' | Alert['source'],
  env: { now: number; fallbackId: string },
): Alert {
  if (!isObj(payload)) {
    throw new NodeError('ALERT_UNRECOGNIZED', `alert payload must be a JSON object; expected ${EXPECTED}`, {
      retryable: false,
    })
  }
  if (format !== 'auto') {
    const normalizer = NORMALIZERS.find((n) => n.source === format)
    if (!normalizer) throw new Error(`no normalizer for ${format}`)
    return normalizer.normalize(payload, env)
  }
  const match = NORMALIZERS.find((n) => n.detect(payload))
  if (!match) {
    throw new NodeError('ALERT_UNRECOGNIZED', `unrecognized alert payload; expected ${EXPECTED}`, {
      retryable: false,
    })
  }
  return match.normalize(payload, env)
}
