import { z } from 'zod'
import { defineNode } from '../../runtime/node-type.ts'
import { groupingSchema } from './grouping.ts'

/**
 * `trigger.webhook`: starts the playbook on any JSON posted to its webhook URL. The output is the
 * payload as received (the server checks the trigger's HMAC secret before queueing the run).
 * `grouping` (see grouping.ts) groups the alerts it receives into cases.
 */
export const triggerWebhook = defineNode({
  type: 'trigger.webhook',
  version: 1,
  category: 'trigger',
  title: 'Webhook',
  description: 'Starts the playbook when JSON is posted to its webhook URL; outputs the payload.',
  icon: 'webhook',
  params: z.object({
    grouping: groupingSchema.optional().describe('Groups repeated alerts into one case (server)'),
  }),
  // Read by the server for each incoming alert, never resolved against a run.
  lazyParams: ['grouping'],
  output: z.unknown(),
  run({ ctx }) {
    return { output: ctx.trigger ?? null }
  },
})
