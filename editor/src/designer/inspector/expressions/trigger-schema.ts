import { z } from 'zod'
import { formSchema, triggerManual } from '../../../../../nodes/trigger/manual.ts'
import type { FieldSpec, Playbook } from '../../../../../runtime/format/schema.ts'
import type { NodeRegistry } from '../../../../../runtime/node-type.ts'

const FIELD_TYPES: Record<FieldSpec['type'], () => z.ZodType> = {
  string: () => z.string(),
  number: () => z.number(),
  boolean: () => z.boolean(),
  object: () => z.record(z.string(), z.unknown()),
  array: () => z.array(z.unknown()),
  any: () => z.unknown(),
}

/**
 * What `trigger` holds in this playbook's expressions, as far as the editor can know: a
 * sub-playbook's declared inputs, a manual trigger's form, or the trigger node's output when that
 * output is the payload itself (schedule). `trigger` is the payload exactly as received, so for a SIEM
 * alert trigger it is the SIEM's own format (unknown here; the normalized alert is the trigger node's
 * output, `nodes.<id>.output`).
 * @example triggerSchema(playbook, registry) // z.object({ host: z.string() }) for a manual form
 */
export function triggerSchema(
  playbook: Pick<Playbook, 'nodes' | 'inputs'>,
  registry: NodeRegistry,
): z.ZodType | undefined {
  const inputs = Object.entries(playbook.inputs ?? {})
  if (inputs.length > 0)
    return z.object(Object.fromEntries(inputs.map(([name, f]) => [name, FIELD_TYPES[f.type]()])))
  for (const node of playbook.nodes) {
    const def = registry.get(node.type, node.version)
    if (def?.category !== 'trigger') continue
    if (def.type === triggerManual.type) {
      const parsed = triggerManual.params.safeParse(node.params)
      return parsed.success ? formSchema(parsed.data.fields) : undefined
    }
    return PAYLOAD_IS_OUTPUT.has(def.type) ? def.output : undefined
  }
  return undefined
}

/** Trigger types whose output is (a cleaned-up copy of) the payload they were fired with. */
const PAYLOAD_IS_OUTPUT = new Set(['trigger.schedule', 'trigger.webhook'])
