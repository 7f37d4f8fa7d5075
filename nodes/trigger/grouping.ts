import { z } from 'zod'
import { resolveValue } from '../../runtime/expr/resolve.ts'
import { compileTemplate, stringifyForTemplate, TemplateSyntaxError } from '../../runtime/expr/template.ts'

/** Longest grouping window: 30 days. */
export const MAX_WINDOW_MINUTES = 43_200

/**
 * Plain paths of the alert only: the key is computed for every incoming alert, before any run, so
 * it never needs the sandbox. Returns what is wrong, or undefined.
 */
function keyProblem(key: string): string | undefined {
  let compiled: ReturnType<typeof compileTemplate>
  try {
    compiled = compileTemplate(key)
  } catch (err) {
    if (err instanceof TemplateSyntaxError) return `key: ${err.message}`
    throw err
  }
  const exprs = compiled.kind === 'single' ? [compiled.expr] : compiled.kind === 'mixed' ? compiled.parts : []
  for (const e of exprs) {
    if (typeof e === 'string') continue
    if (e.path?.[0] !== 'trigger' || e.path.length < 2)
      return `key: "{{ ${e.source} }}" is not allowed; use plain paths of the alert such as {{ trigger.rule.id }} or {{ trigger.host }}`
  }
  return undefined
}

/**
 * How a trigger groups alerts into cases (`grouping` in the params of `trigger.alert` and
 * `trigger.webhook`). `key` is a template over the normalized alert (`trigger.rule.id`,
 * `trigger.host`, `trigger.user`, `trigger.src_ip`, `trigger.raw.…`): an alert whose key equals the
 * key of an open case of the same playbook that received an alert within `windowMinutes` joins it;
 * otherwise it opens a new case. `rerun` says whether the playbook runs again for a joining alert.
 * Problems are reported on `grouping` itself, since the validator skips issues at template strings.
 */
export const groupingSchema = z
  .object({
    key: z
      .string()
      .min(1)
      .max(500)
      .describe('Template of the grouping key, e.g. {{ trigger.rule.id }}:{{ trigger.host }}'),
    windowMinutes: z
      .number()
      .int()
      .min(1)
      .max(MAX_WINDOW_MINUTES)
      .default(60)
      .describe('Joins a case whose latest alert is at most this old'),
    rerun: z.boolean().default(false).describe('Run the playbook again for alerts that join a case'),
  })
  .superRefine((g, issue) => {
    const problem = keyProblem(g.key)
    if (problem) issue.addIssue({ code: 'custom', path: [], message: problem })
  })

export type Grouping = z.infer<typeof groupingSchema>

/**
 * The grouping key of an alert: the template resolved against `{ trigger: alert }` (missing fields
 * become empty text).
 * @example groupKey('{{ trigger.rule.id }}:{{ trigger.host }}', { rule: { id: 'r1' }, host: 'web-1' }) // 'r1:web-1'
 */
export function groupKey(key: string, alert: unknown): string {
  const scope = {
    trigger: alert,
    nodes: {},
    vars: {},
    run: { id: '', playbookId: '', mode: 'production' as const, startedAt: 0 },
  }
  return stringifyForTemplate(resolveValue(key, { scope }))
}
