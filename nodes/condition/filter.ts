import { z } from 'zod'
import { defineNode, NodeError } from '../../runtime/node-type.ts'
import { getIn } from '../lib/path.ts'
import { evaluateGroup, groupDepth, MAX_RULE_DEPTH, ruleOrGroupSchema } from './rules.ts'

/** Most items a filter takes; a bigger list is an error rather than a slow run. */
export const MAX_FILTER_ITEMS = 100_000

/**
 * `condition.filter`: keeps the items of a list that satisfy a rule group. Here a rule's `field`
 * is a path inside each item (`score`, `tags.0`, `ip.value`; empty for the item itself), unlike
 * `condition.if` where it is the value.
 */
export const conditionFilter = defineNode({
  type: 'condition.filter',
  version: 1,
  category: 'condition',
  title: 'Filter',
  description: 'Keeps the items of a list that match the rules; fields are paths inside each item.',
  icon: 'filter',
  params: z
    .object({
      items: z
        .unknown()
        .optional()
        .describe('The list to filter, usually a template such as {{ nodes.iocs.output.ips }}'),
      combinator: z.enum(['all', 'any']).default('all'),
      rules: z.array(ruleOrGroupSchema).max(200).default([]),
    })
    .superRefine((p, issue) => {
      if (groupDepth(p) > MAX_RULE_DEPTH) {
        issue.addIssue({
          code: 'custom',
          path: ['rules'],
          message: `groups nest deeper than ${MAX_RULE_DEPTH} levels`,
        })
      }
    }),
  output: z.object({ items: z.array(z.unknown()), count: z.number().int(), dropped: z.number().int() }),
  run({ params }) {
    const list = params.items === undefined || params.items === null ? [] : params.items
    if (!Array.isArray(list)) {
      throw new NodeError('INVALID_INPUT', `"items" must be a list, got ${typeof list}`, { retryable: false })
    }
    if (list.length > MAX_FILTER_ITEMS) {
      throw new NodeError(
        'INVALID_INPUT',
        `"items" has ${list.length} entries; at most ${MAX_FILTER_ITEMS}`,
        {
          retryable: false,
        },
      )
    }
    const items = list.filter(
      (item) =>
        evaluateGroup(params, (field) => (typeof field === 'string' ? getIn(item, field) : field)).result,
    )
    return { output: { items, count: items.length, dropped: list.length - items.length } }
  },
})
