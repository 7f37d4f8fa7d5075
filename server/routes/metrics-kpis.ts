import { z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { ServerDeps } from '../app/deps.ts'
import { createApiApp, defineRoute } from '../app/openapi.ts'
import { kpisToCsv } from '../cases/kpi-csv.ts'
import { computeKpis } from '../cases/kpis.ts'
import { CaseFilterQuery, caseFilterOf } from './cases-schemas.ts'

const Duration = z
  .object({ count: z.number().int(), medianMs: z.number().nullable(), p90Ms: z.number().nullable() })
  .openapi('DurationStats')
const Breakdown = z.object({ key: z.string(), alerts: z.number().int(), cases: z.number().int() })

const KpisSchema = z
  .object({
    cases: z.number().int(),
    alerts: z.number().int(),
    mttd: Duration.openapi({ description: 'Detected (event time) → case created' }),
    mtta: Duration.openapi({ description: 'Created → first human action' }),
    mttc: Duration.openapi({ description: 'Created → first containment' }),
    mttr: Duration.openapi({ description: 'Created → resolved' }),
    dispositions: z.object({
      truePositive: z.number().int(),
      falsePositive: z.number().int(),
      benign: z.number().int(),
      undetermined: z.number().int(),
      truePositiveRate: z.number().nullable(),
      falsePositiveRate: z.number().nullable(),
    }),
    byRule: z.array(Breakdown),
    bySource: z.array(Breakdown),
    autoClosedAlertShare: z
      .number()
      .nullable()
      .openapi({ description: 'Alerts whose case was resolved or closed with no human action' }),
    runs: z.object({
      ended: z.number().int(),
      succeeded: z.number().int(),
      successRate: z.number().nullable(),
    }),
  })
  .openapi('Kpis')

const KpiQuery = CaseFilterQuery.extend({
  format: z.enum(['json', 'csv']).optional().openapi({ description: 'csv: the same figures as CSV' }),
})

const csvResponse = { description: 'The KPIs as CSV', content: { 'text/csv': { schema: z.string() } } }

const getKpis = defineRoute({
  method: 'get',
  path: '/api/metrics/kpis',
  permission: 'case.read',
  request: { query: KpiQuery },
  responses: {
    200: {
      description: 'Response KPIs of the cases created in the range (JSON, or CSV with format=csv)',
      content: { 'application/json': { schema: KpisSchema }, 'text/csv': { schema: z.string() } },
    },
  },
})

const getKpisCsv = defineRoute({
  method: 'get',
  path: '/api/metrics/kpis.csv',
  permission: 'case.read',
  request: { query: CaseFilterQuery },
  responses: { 200: csvResponse },
})

function csv(c: Context, body: string) {
  return c.body(body, 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': 'attachment; filename="bulwark-kpis.csv"',
  })
}

/**
 * `GET /api/metrics/kpis` (and `.csv`): MTTD, MTTA, MTTC and MTTR as median and 90th percentile,
 * dispositions, alerts and cases by rule and source, the share of alerts closed with no human step
 * and the run success rate, over the cases created in a time range, filtered by severity, playbook
 * and rule.
 * @example app.route('/', kpiRoutes(deps))
 */
export function kpiRoutes(deps: ServerDeps) {
  const app = createApiApp()
  const kpisOf = (q: z.infer<typeof CaseFilterQuery>) => computeKpis(deps.stores.kpis.rows(caseFilterOf(q)))

  app.openapi(getKpis, async (c) => {
    const { format, ...q } = c.req.valid('query')
    const kpis = kpisOf(q)
    return format === 'csv' ? csv(c, kpisToCsv(kpis)) : c.json(kpis, 200)
  })

  app.openapi(getKpisCsv, async (c) => csv(c, kpisToCsv(kpisOf(c.req.valid('query')))))
  return app
}
