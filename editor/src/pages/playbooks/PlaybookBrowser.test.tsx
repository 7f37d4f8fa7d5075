// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { PlaybookBrowser } from './PlaybookBrowser.tsx'

const now = Date.UTC(2025, 0, 10, 12)
const base = {
  createdAt: now,
  updatedAt: now - 3_600_000,
  updatedBy: 'ana',
  latestVersion: null,
  lastRun: null,
}
const items = [
  {
    ...base,
    id: 'phishing-triage',
    name: 'Phishing triage',
    tags: ['email'],
    status: 'published' as const,
    latestVersion: 3,
    lastRun: { id: 'run_1', queuedAt: now - 120_000, status: 'failed' as const },
  },
  { ...base, id: 'suspicious-ip', name: 'Suspicious IP', tags: ['network'], status: 'draft' as const },
]

function rowNames() {
  const table = screen.queryByRole('table', { name: 'Playbooks' })
  if (!table) return []
  return within(table)
    .getAllByRole('link')
    .filter((a) => a.getAttribute('href')?.startsWith('/playbooks/'))
    .map((a) => a.textContent)
}

describe('PlaybookBrowser', () => {
  it('shows state, version, tags and the last run with its status and a link to it', () => {
    render(<PlaybookBrowser items={items} now={now} />)
    expect(rowNames()).toEqual(['Phishing triage', 'Suspicious IP'])
    expect(screen.getByText('published v3')).toBeTruthy()
    expect(screen.getByText('draft')).toBeTruthy()
    expect(screen.getByText('failed')).toBeTruthy()
    expect(screen.getByRole('link', { name: '2 min ago' }).getAttribute('href')).toBe('/runs/run_1')
    expect(screen.getByText('never run')).toBeTruthy()
  })

  it('narrows the list as the user searches and filters by tag and state', async () => {
    const user = userEvent.setup()
    render(<PlaybookBrowser items={items} now={now} />)
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'suspicious')
    expect(rowNames()).toEqual(['Suspicious IP'])
    await user.clear(screen.getByRole('searchbox', { name: 'Search' }))
    await user.selectOptions(screen.getByRole('combobox', { name: 'Tag' }), 'email')
    expect(rowNames()).toEqual(['Phishing triage'])
    await user.selectOptions(screen.getByRole('combobox', { name: 'State' }), 'draft')
    expect(rowNames()).toEqual([])
    expect(screen.getByText('No playbook matches.')).toBeTruthy()
  })
})
