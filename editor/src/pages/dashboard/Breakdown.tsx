import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { Link } from 'wouter'
import { AXIS, GRID, LEGEND, SERIES, shorten, TOOLTIP } from './chart-theme.ts'
import type { Kpis } from './kpi-figures.ts'

/** How many keys the chart draws (the table lists them all). */
export const CHART_TOP = 10
const ROW_PX = 34

/**
 * Alerts and cases by rule or by source: horizontal bars for the largest, and a table of all (rules
 * link to their cases).
 * @example <Breakdown title="By rule" rows={kpis.byRule} casesHref={(rule) => `/cases?rule=${rule}`} />
 */
export function Breakdown({
  title,
  keyLabel,
  rows,
  casesHref,
}: {
  title: string
  keyLabel: string
  rows: Kpis['byRule']
  casesHref?(key: string): string | undefined
}) {
  const top = rows.slice(0, CHART_TOP)
  return (
    <section className="card dashboard-panel" aria-label={title}>
      <h2>{title}</h2>
      {rows.length === 0 ? (
        <p className="muted">No alert in this range.</p>
      ) : (
        <>
          <div className="dashboard-chart" role="img" aria-label={`Alerts and cases ${title.toLowerCase()}`}>
            <ResponsiveContainer width="100%" height={48 + top.length * ROW_PX}>
              <BarChart data={top} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 0 }}>
                <CartesianGrid {...GRID} horizontal={false} />
                <XAxis type="number" allowDecimals={false} {...AXIS} />
                <YAxis
                  type="category"
                  dataKey="key"
                  width={180}
                  {...AXIS}
                  tickFormatter={(k: string) => shorten(k, 26)}
                />
                <Tooltip {...TOOLTIP} />
                <Legend {...LEGEND} />
                <Bar dataKey="alerts" name="Alerts" fill={SERIES[0]} radius={[0, 3, 3, 0]} />
                <Bar dataKey="cases" name="Cases" fill={SERIES[1]} radius={[0, 3, 3, 0]} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <table className="list" aria-label={`Alerts and cases ${title.toLowerCase()}`}>
            <thead>
              <tr>
                <th>{keyLabel}</th>
                <th>Alerts</th>
                <th>Cases</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const href = casesHref?.(r.key)
                return (
                  <tr key={r.key} data-key={r.key}>
                    <th scope="row">{href ? <Link href={href}>{r.key}</Link> : r.key}</th>
                    <td>{r.alerts}</td>
                    <td>{r.cases}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </>
      )}
    </section>
  )
}
