// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { RunFilterBar } from './RunFilterBar.tsx'
import { RunTable } from './RunTable.tsx'
import { NO_RUN_FILTER } from './run-filters.ts'
import type { RunSummary } from './useRunList.ts'

const now = Date.UTC(2025, 0, 10, 12)
const runs: RunSummary[] = [
  {
    id: 'run_2',
    playbookId: 'phishing-triage',
    version: 3,
    mode: 'production',
    status: 'failed',
    queuedAt: now - 120_000,
    startedAt: now - 119_000,
    finishedAt: now - 114_000,
    createdBy: null,
    retryOfRunId: 'run_1',
    retryFromNode: 'vt',
    error: { code: 'RATE_LIMITED', message: 'VirusTotal: HTTP 429', nodeId: 'vt' },
  },
]

describe('RunTable', () => {
  it('links each run and its playbook and shows status, error, version, retry and duration', () => {
    render(<RunTable runs={runs} now={now} />)
    const row = within(screen.getByRole('table', { name: 'Runs' })).getAllByRole('row')[1]!
    expect(within(row).getByRole('link', { name: 'run_2' }).getAttribute('href')).toBe('/runs/run_2')
    expect(within(row).getByRole('link', { name: 'run_1' }).getAttribute('href')).toBe('/runs/run_1')
    expect(row.textContent).toContain('failed')
    expect(row.textContent).toContain('vt: RATE_LIMITED')
    expect(row.textContent).toContain('phishing-triage v3')
    expect(row.textContent).toContain('5.0 s')
    expect(row.textContent).toContain('trigger')
  })
})

describe('RunFilterBar', () => {
  it('reports each filter change', async () => {
    const onChange = vi.fn()
    const user = userEvent.setup()
    render(<RunFilterBar value={NO_RUN_FILTER} onChange={onChange} playbookIds={['phishing-triage']} />)
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'failed')
    expect(onChange).toHaveBeenLastCalledWith({ ...NO_RUN_FILTER, status: 'failed' })
    await user.selectOptions(screen.getByRole('combobox', { name: 'Time' }), '7d')
    expect(onChange).toHaveBeenLastCalledWith({ ...NO_RUN_FILTER, range: '7d' })
    await user.type(screen.getByRole('combobox', { name: 'Playbook' }), 'P')
    expect(onChange).toHaveBeenLastCalledWith({ ...NO_RUN_FILTER, playbook: 'p' })
  })
})
