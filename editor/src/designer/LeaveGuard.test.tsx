// @vitest-environment jsdom
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { Link } from 'wouter'
import { LeaveGuard } from './LeaveGuard.tsx'
import { createDesignerStore } from './store/createDesignerStore.ts'
import { playbookOf, registry } from './store/testing.ts'

function setup(save: () => Promise<boolean> = async () => true) {
  const store = createDesignerStore({ playbook: playbookOf({ alert: 'trigger.alert' }), registry })
  const saveSpy = vi.fn(save)
  render(
    <>
      <Link href="/runs">Runs</Link>
      <LeaveGuard store={store} save={saveSpy} />
    </>,
  )
  const edit = () => store.getState().addNode('enrich.extract-iocs', 1, { x: 0, y: 0 })
  return { store, save: saveSpy, edit, user: userEvent.setup() }
}

describe('LeaveGuard', () => {
  beforeEach(() => window.history.replaceState(null, '', '/playbooks/triage'))

  it('lets a link through while nothing is unsaved', async () => {
    const { user } = setup()
    await user.click(screen.getByRole('link', { name: 'Runs' }))
    expect(window.location.pathname).toBe('/runs')
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('asks before a link leaves unsaved changes; Stay keeps the page, Leave without saving goes', async () => {
    const { user, edit, save } = setup()
    edit()
    await user.click(screen.getByRole('link', { name: 'Runs' }))
    expect(screen.getByRole('dialog', { name: 'Leave with unsaved changes?' })).toBeTruthy()
    expect(window.location.pathname).toBe('/playbooks/triage')
    await user.click(screen.getByRole('button', { name: 'Stay' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(window.location.pathname).toBe('/playbooks/triage')

    await user.click(screen.getByRole('link', { name: 'Runs' }))
    await user.click(screen.getByRole('button', { name: 'Leave without saving' }))
    expect(window.location.pathname).toBe('/runs')
    expect(save).not.toHaveBeenCalled()
  })

  it('Save and leave saves first, and stays when the save fails', async () => {
    const failing = setup(async () => false)
    failing.edit()
    await failing.user.click(screen.getByRole('link', { name: 'Runs' }))
    await failing.user.click(screen.getByRole('button', { name: 'Save and leave' }))
    expect(failing.save).toHaveBeenCalledTimes(1)
    expect(window.location.pathname).toBe('/playbooks/triage')
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('Save and leave goes once the draft is saved', async () => {
    const { user, edit, save } = setup()
    edit()
    await user.click(screen.getByRole('link', { name: 'Runs' }))
    await user.click(screen.getByRole('button', { name: 'Save and leave' }))
    expect(save).toHaveBeenCalledTimes(1)
    expect(window.location.pathname).toBe('/runs')
  })
})
