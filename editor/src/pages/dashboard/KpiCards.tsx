import { headline, type Kpis } from './kpi-figures.ts'

/**
 * The headline figures as cards: cases, alerts, true/false-positive rates, alerts closed without a
 * person, run success rate.
 * @example <KpiCards kpis={kpis} />
 */
export function KpiCards({ kpis }: { kpis: Kpis }) {
  return (
    <dl className="kpi-cards" aria-label="Headline figures">
      {headline(kpis).map((f) => (
        <div key={f.label} className="card">
          <dt>{f.label}</dt>
          <dd>{f.value}</dd>
          {f.detail ? <dd className="muted">{f.detail}</dd> : null}
        </div>
      ))}
    </dl>
  )
}
