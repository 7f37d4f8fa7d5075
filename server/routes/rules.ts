import { z } from '@hono/zod-openapi'
import type { ServerDeps } from '../app/deps.ts'
import { createApiApp, defineRoute } from '../app/openapi.ts'
import { RuleHandlerSchema } from './cases-schemas.ts'
import { json } from './schemas.ts'

const RuleSchema = z
  .object({
    ruleId: z.string(),
    ruleName: z.string().nullable(),
    sources: z.array(z.string()),
    alerts: z.number().int(),
    cases: z.number().int(),
    lastSeenAt: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'Null for a rule no alert has named yet' }),
    playbooks: z.array(RuleHandlerSchema),
    gap: z.boolean().openapi({ description: 'Seen in alerts, but no playbook lists it in `rules`' }),
  })
  .openapi('Rule')

const listRules = defineRoute({
  method: 'get',
  path: '/api/rules',
  permission: 'case.read',
  responses: {
    200: json(
      z.object({
        items: z.array(RuleSchema),
        gaps: z.array(z.string()).openapi({ description: 'Ids of the rules with `gap: true`' }),
      }),
      'Rules seen in production alerts (most alerts first), then rules only playbooks name',
    ),
  },
})

/**
 * `GET /api/rules`: SIEM correlation rules, from production alerts and from the `rules` of the
 * playbooks, each with the playbooks that answer it. A rule seen in alerts that no playbook answers
 * is a gap in coverage.
 * @example app.route('/', ruleRoutes(deps))
 */
export function ruleRoutes(deps: ServerDeps) {
  const app = createApiApp()
  app.openapi(listRules, async (c) => {
    const handlers = await deps.rules.handlers()
    const seen = deps.stores.alerts.seenRules()
    const items: z.infer<typeof RuleSchema>[] = seen.map((r) => {
      const playbooks = handlers.get(r.ruleId) ?? []
      return { ...r, playbooks, gap: playbooks.length === 0 }
    })
    const known = new Set(seen.map((r) => r.ruleId))
    for (const [ruleId, playbooks] of [...handlers].sort(([a], [b]) => a.localeCompare(b))) {
      if (known.has(ruleId)) continue
      items.push({
        ruleId,
        ruleName: null,
        sources: [],
        alerts: 0,
        cases: 0,
        lastSeenAt: null,
        playbooks,
        gap: false,
      })
    }
    return c.json({ items, gaps: items.filter((r) => r.gap).map((r) => r.ruleId) }, 200)
  })
  return app
}
