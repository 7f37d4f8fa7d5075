import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { formatDuration } from '../../lib/format-time.ts'
import { AXIS, GRID, LEGEND, SERIES, TOOLTIP } from './chart-theme.ts'
import { type Kpis, responseChart, responseTimes } from './kpi-figures.ts'

/**
 * MTTD, MTTA, MTTC and MTTR: a table with count, median and 90th percentile, and the same as bars.
 * @example <ResponseTimes kpis={kpis} />
 */
export function ResponseTimes({ kpis }: { kpis: Kpis }) {
  const rows = responseTimes(kpis)
  const chart = responseChart(rows)
  return (
    <section className="card dashboard-panel" aria-label="Response times">
      <h2>Response times</h2>
      <table className="list" aria-label="Response times">
        <thead>
          <tr>
            <th>Figure</th>
            <th>Measures</th>
            <th>Median</th>
            <th>90th percentile</th>
            <th>Cases</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td className="muted">{r.measures}</td>
              <td>{formatDuration(r.medianMs)}</td>
              <td>{formatDuration(r.p90Ms)}</td>
              <td>{r.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.some((r) => r.count > 0) ? (
        <div
          className="dashboard-chart"
          role="img"
          aria-label={`Median and 90th percentile in ${chart.unit}`}
        >
          <ResponsiveContainer width="100%" height={220}>
            <BarChart data={chart.data} margin={{ top: 12, right: 12, bottom: 0, left: 0 }}>
              <CartesianGrid {...GRID} vertical={false} />
              <XAxis dataKey="name" {...AXIS} />
              <YAxis {...AXIS} width={56} unit={` ${chart.short}`} />
              <Tooltip {...TOOLTIP} formatter={(v) => `${v} ${chart.unit}`} />
              <Legend {...LEGEND} />
              <Bar dataKey="median" name="Median" fill={SERIES[0]} radius={[3, 3, 0, 0]} />
              <Bar dataKey="p90" name="90th percentile" fill={SERIES[1]} radius={[3, 3, 0, 0]} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      ) : (
        <p className="muted">No case has reached these moments yet.</p>
      )}
    </section>
  )
}
