import { z } from 'zod'
import { defineNode, NodeError } from '../../runtime/node-type.ts'
import { evaluateGroup, groupDepth, MAX_RULE_DEPTH, ruleOrGroupSchema } from './rules.ts'

/**
 * `condition.if`: fires `true` or `false`. Either rules an analyst clicks together, or one
 * `expression`.
 *
 * A rule's `field` is the value tested, not a path: write `{{ trigger.severity }}` and the engine
 * resolves it before the node runs (a param that is exactly one template keeps its type, so
 * numbers stay numbers). `value` is what it is compared with, also possibly a template. The
 * `expression` form takes a template that evaluates to a boolean, e.g. `{{ trigger.score > 70 }}`.
 */
export const conditionIf = defineNode({
  type: 'condition.if',
  version: 1,
  category: 'condition',
  title: 'If',
  description: 'Branches on rules (field, operator, value; groups with all/any) or on one expression.',
  icon: 'git-branch',
  params: z
    .object({
      combinator: z
        .enum(['all', 'any'])
        .default('all')
        .describe('all: every rule must hold; any: at least one'),
      rules: z.array(ruleOrGroupSchema).max(200).default([]).describe('Rules and nested groups'),
      expression: z
        .union([z.boolean(), z.string()])
        .optional()
        .describe('Instead of rules: a template resolving to true or false'),
    })
    .superRefine((p, issue) => {
      if (p.expression !== undefined && p.rules.length > 0) {
        issue.addIssue({
          code: 'custom',
          path: ['expression'],
          message: 'give either rules or an expression, not both',
        })
      }
      if (groupDepth(p) > MAX_RULE_DEPTH) {
        issue.addIssue({
          code: 'custom',
          path: ['rules'],
          message: `groups nest deeper than ${MAX_RULE_DEPTH} levels`,
        })
      }
    }),
  output: z.object({ result: z.boolean(), matched: z.array(z.string()) }),
  ports: ['true', 'false'],
  run({ params }) {
    const { result, matched } =
      params.expression !== undefined
        ? { result: toBoolean(params.expression), matched: [] }
        : evaluateGroup(params)
    return { output: { result, matched }, port: result ? 'true' : 'false' }
  },
})

function toBoolean(value: boolean | string): boolean {
  if (typeof value === 'boolean') return value
  const s = value.trim().toLowerCase()
  if (s === 'true') return true
  if (s === 'false') return false
  throw new NodeError(
    'CONDITION_NOT_BOOLEAN',
    `the expression resolved to "${value.slice(0, 100)}", not true or false`,
    {
      retryable: false,
    },
  )
}
