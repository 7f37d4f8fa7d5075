// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { T0, testCase } from '../case-detail/test-case.ts'
import { CaseFilterBar } from './CaseFilterBar.tsx'
import { CaseTable } from './CaseTable.tsx'
import { NO_CASE_FILTER } from './case-filters.ts'

describe('CaseTable', () => {
  it('links each case and shows severity, status, disposition, rule, source, alerts and assignee', () => {
    const c = testCase({ status: 'resolved', disposition: 'true_positive', assignee: 'ana', alertCount: 20 })
    render(<CaseTable cases={[c]} now={T0 + 120_000} />)
    const row = within(screen.getByRole('table', { name: 'Cases' })).getAllByRole('row')[1]!
    expect(within(row).getByRole('link', { name: 'sshd: brute force' }).getAttribute('href')).toBe(
      '/cases/c1',
    )
    const cells = within(row)
      .getAllByRole('cell')
      .map((td) => td.textContent)
    expect(cells.slice(1)).toEqual([
      'high',
      'resolvedtrue positive',
      '5712wazuh',
      '20',
      'ana',
      '2 min ago',
      '1 min ago',
    ])
    expect(row.textContent).toContain('ssh')
  })
})

describe('CaseFilterBar', () => {
  it('reports each filter change and clears them', async () => {
    const onChange = vi.fn()
    const user = userEvent.setup()
    const { rerender } = render(
      <CaseFilterBar value={NO_CASE_FILTER} onChange={onChange} ruleIds={['5712']} />,
    )
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'new,acknowledged,contained')
    expect(onChange).toHaveBeenLastCalledWith({ ...NO_CASE_FILTER, status: 'new,acknowledged,contained' })
    await user.selectOptions(screen.getByRole('combobox', { name: 'Severity' }), 'critical')
    expect(onChange).toHaveBeenLastCalledWith({ ...NO_CASE_FILTER, severity: 'critical' })
    await user.selectOptions(screen.getByRole('combobox', { name: 'Created' }), '24h')
    expect(onChange).toHaveBeenLastCalledWith({ ...NO_CASE_FILTER, range: '24h' })
    await user.type(screen.getByRole('combobox', { name: 'Rule' }), '5')
    expect(onChange).toHaveBeenLastCalledWith({ ...NO_CASE_FILTER, rule: '5' })
    await user.type(screen.getByRole('textbox', { name: 'Assignee' }), 'a')
    expect(onChange).toHaveBeenLastCalledWith({ ...NO_CASE_FILTER, assignee: 'a' })
    rerender(<CaseFilterBar value={{ ...NO_CASE_FILTER, rule: '5712' }} onChange={onChange} ruleIds={[]} />)
    await user.click(screen.getByRole('button', { name: 'Clear filters' }))
    expect(onChange).toHaveBeenLastCalledWith(NO_CASE_FILTER)
  })
})
