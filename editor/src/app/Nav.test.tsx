// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import { usePendingApprovals } from '../lib/pending-approvals.ts'
import { isActive, Nav } from './Nav.tsx'
import { type Me, useSession } from './session.ts'

const analyst: Me = {
  id: 'u1',
  username: 'ana',
  role: 'analyst',
  via: 'session',
  permissions: ['playbook.read', 'run.read', 'approval.read', 'template.read', 'credential.list'],
}
const admin: Me = {
  ...analyst,
  username: 'root',
  role: 'admin',
  permissions: [...analyst.permissions, 'credential.manage', 'audit.read'],
}

beforeEach(() => usePendingApprovals.setState({ count: 3, refresh: async () => {} }))

function links() {
  return within(screen.getByRole('navigation', { name: 'Main' }))
    .getAllByRole('link')
    .map((a) => a.textContent)
}

describe('Nav', () => {
  it('shows an analyst the everyday pages, the pending count, the user and role', () => {
    useSession.setState({ me: analyst })
    render(<Nav />)
    expect(links()).toEqual(['Playbooks', 'Runs', 'Approvals3', 'Templates'])
    expect(screen.getByRole('status', { name: '3 pending' })).toBeTruthy()
    expect(screen.getByText('ana')).toBeTruthy()
    expect(screen.getByText('analyst')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Log out' })).toBeTruthy()
    expect(screen.getByRole('button', { name: /Switch to (light|dark) theme/ })).toBeTruthy()
  })

  it('adds Credentials and Audit for an admin', () => {
    useSession.setState({ me: admin })
    render(<Nav />)
    expect(links()).toEqual(['Playbooks', 'Runs', 'Approvals3', 'Templates', 'Credentials', 'Audit'])
  })

  it('adds the dashboard and cases for a role that reads cases', () => {
    useSession.setState({ me: { ...analyst, permissions: [...analyst.permissions, 'case.read'] } })
    render(<Nav />)
    expect(links()).toEqual(['Playbooks', 'Dashboard', 'Cases', 'Runs', 'Approvals3', 'Templates'])
  })

  it('hides the badge when nothing is pending', () => {
    usePendingApprovals.setState({ count: 0 })
    useSession.setState({ me: analyst })
    render(<Nav />)
    expect(screen.queryByRole('status')).toBeNull()
  })
})

describe('isActive', () => {
  it('marks Playbooks for the list and the designer, and other items for their sub-pages', () => {
    const playbooks = { to: '/', also: '/playbooks' }
    expect(isActive(playbooks, '/')).toBe(true)
    expect(isActive(playbooks, '/playbooks/triage')).toBe(true)
    expect(isActive(playbooks, '/runs')).toBe(false)
    expect(isActive({ to: '/runs' }, '/runs/r_1')).toBe(true)
    expect(isActive({ to: '/runs' }, '/runsx')).toBe(false)
  })
})
