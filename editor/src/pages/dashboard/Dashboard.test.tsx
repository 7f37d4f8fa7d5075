// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { Breakdown } from './Breakdown.tsx'
import { KpiCards } from './KpiCards.tsx'
import { KpiFilterBar } from './KpiFilterBar.tsx'
import { NO_KPI_FILTER } from './kpi-filters.ts'
import { ResponseTimes } from './ResponseTimes.tsx'
import { RuleGaps } from './RuleGaps.tsx'
import { testKpis } from './test-kpis.ts'

const rows = (name: string) =>
  within(screen.getByRole('table', { name }))
    .getAllByRole('row')
    .slice(1)
    .map((tr) => [...tr.children].map((c) => c.textContent))

describe('dashboard panels', () => {
  it('show the headline figures and the response times with median, p90 and counts', () => {
    render(
      <>
        <KpiCards kpis={testKpis()} />
        <ResponseTimes kpis={testKpis()} />
      </>,
    )
    expect(screen.getByLabelText('Headline figures').textContent).toContain(
      'Run success87.5%7 of 8 ended runs',
    )
    expect(rows('Response times')).toEqual([
      ['MTTD', 'Detected → opened', '1 min 30 s', '4 min', '4'],
      ['MTTA', 'Opened → acknowledged', '10 min', '1 h 30 min', '3'],
      ['MTTC', 'Opened → contained', '30 min', '30 min', '1'],
      ['MTTR', 'Opened → resolved', '—', '—', '0'],
    ])
    expect(screen.getByRole('img', { name: 'Median and 90th percentile in hours' })).toBeTruthy()
  })

  it('list alerts and cases by rule with links to the cases of each rule', () => {
    render(
      <Breakdown
        title="By rule"
        keyLabel="Rule"
        rows={testKpis().byRule}
        casesHref={(k) => `/cases?rule=${k}`}
      />,
    )
    expect(rows('Alerts and cases by rule')).toEqual([
      ['5712', '20', '1'],
      ['Access - Okta Brute Force Followed by Successful Sign-In - Rule', '5', '3'],
    ])
    expect(screen.getByRole('link', { name: '5712' }).getAttribute('href')).toBe('/cases?rule=5712')
  })

  it('say when there is nothing to chart', () => {
    render(<Breakdown title="By source" keyLabel="Source" rows={[]} />)
    expect(screen.getByText('No alert in this range.')).toBeTruthy()
  })

  it('list the rules no playbook answers as gaps', () => {
    const rule = (ruleId: string, gap: boolean) => ({
      ruleId,
      ruleName: `${ruleId} name`,
      sources: ['elastic'],
      alerts: 3,
      cases: 2,
      lastSeenAt: 1000,
      playbooks: [],
      gap,
    })
    const { rerender } = render(
      <RuleGaps rules={[rule('r-covered', false), rule('r-gap', true)]} now={61_000} />,
    )
    expect(rows('Rules without a playbook')).toEqual([['r-gapr-gap name', 'elastic', '3', '2', '1 min ago']])
    expect(screen.getByRole('link', { name: 'r-gap' }).getAttribute('href')).toBe('/cases?rule=r-gap')
    rerender(<RuleGaps rules={[rule('r-covered', false)]} now={61_000} />)
    expect(screen.getByText('Every rule seen in alerts has a playbook.')).toBeTruthy()
  })

  it('report filter changes and offer the CSV export', async () => {
    const onChange = vi.fn()
    const user = userEvent.setup()
    render(
      <KpiFilterBar
        value={NO_KPI_FILTER}
        onChange={onChange}
        playbookIds={['brute-force-login']}
        ruleIds={['5712']}
        csvHref="/api/metrics/kpis.csv?rule=5712"
      />,
    )
    await user.selectOptions(screen.getByRole('combobox', { name: 'Cases created' }), '7d')
    expect(onChange).toHaveBeenLastCalledWith({ ...NO_KPI_FILTER, range: '7d' })
    await user.selectOptions(screen.getByRole('combobox', { name: 'Severity' }), 'high,critical')
    expect(onChange).toHaveBeenLastCalledWith({ ...NO_KPI_FILTER, severity: 'high,critical' })
    await user.type(screen.getByRole('combobox', { name: 'Playbook' }), 'b')
    expect(onChange).toHaveBeenLastCalledWith({ ...NO_KPI_FILTER, playbook: 'b' })
    await user.type(screen.getByRole('combobox', { name: 'Rule' }), '5')
    expect(onChange).toHaveBeenLastCalledWith({ ...NO_KPI_FILTER, rule: '5' })
    expect(screen.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).toBe(
      '/api/metrics/kpis.csv?rule=5712',
    )
  })
})
