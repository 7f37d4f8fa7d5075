import { z } from 'zod'
import { portName } from '../../runtime/format/schema.ts'
import { defineNode } from '../../runtime/node-type.ts'
import { checkComparison, compare, OPERATORS } from './rules.ts'

const caseSchema = z
  .object({
    /** The port this case fires; edges leave from it. */
    port: portName.refine((p) => p !== 'default', '"default" is reserved for values no case matches'),
    /** Shorthand for `operator: 'equals'`. */
    equals: z.unknown().optional(),
    operator: z.enum(OPERATORS).optional(),
    value: z.unknown().optional(),
    ignoreCase: z.boolean().optional(),
  })
  .superRefine((c, issue) => {
    if (c.operator === undefined && c.equals === undefined) {
      issue.addIssue({
        code: 'custom',
        path: ['equals'],
        message: 'give "equals" or an "operator" (with a "value")',
      })
    }
    if (c.operator !== undefined)
      checkComparison({ operator: c.operator, value: c.value, ignoreCase: c.ignoreCase }, issue)
  })

function casePorts(params: Record<string, unknown>): string[] {
  const cases = Array.isArray(params.cases) ? params.cases : []
  const ports = cases
    .map((c) => (c && typeof c === 'object' ? (c as { port?: unknown }).port : undefined))
    .filter((p): p is string => typeof p === 'string')
  return [...new Set(ports), 'default']
}

/**
 * `condition.switch`: routes on one value. Each case names its port and a test (`equals`, or an
 * operator and value as in `condition.if`); the first matching case wins, `default` fires when
 * none matches. `value` is usually a template such as `{{ trigger.severity }}`.
 */
export const conditionSwitch = defineNode({
  type: 'condition.switch',
  version: 1,
  category: 'condition',
  title: 'Switch',
  description: 'Routes to the first case whose test matches the value, or to default.',
  icon: 'split',
  params: z
    .object({
      value: z.unknown().optional().describe('The value to route on'),
      cases: z.array(caseSchema).max(100).default([]),
    })
    .superRefine((p, issue) => {
      const seen = new Set<string>()
      p.cases.forEach((c, i) => {
        if (seen.has(c.port))
          issue.addIssue({
            code: 'custom',
            path: ['cases', i, 'port'],
            message: `duplicate port "${c.port}"`,
          })
        seen.add(c.port)
      })
    }),
  output: z.object({ value: z.unknown(), port: z.string() }),
  ports: casePorts,
  run({ params }) {
    const hit = params.cases.find((c) =>
      c.operator === undefined
        ? compare(params.value, { operator: 'equals', value: c.equals, ignoreCase: c.ignoreCase })
        : compare(params.value, { operator: c.operator, value: c.value, ignoreCase: c.ignoreCase }),
    )
    const port = hit?.port ?? 'default'
    return { output: { value: params.value ?? null, port }, port }
  },
})
