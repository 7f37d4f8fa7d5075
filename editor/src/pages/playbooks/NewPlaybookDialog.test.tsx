// @vitest-environment jsdom
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import type { Playbook } from '../../../../runtime/format/schema.ts'
import { ApiError } from '../../api/client.ts'
import { NewPlaybookDialog } from './NewPlaybookDialog.tsx'

function setup(taken: string[], onCreate = vi.fn(async (_: Playbook) => {})) {
  render(<NewPlaybookDialog takenIds={new Set(taken)} onCreate={onCreate} onClose={() => {}} />)
  return { user: userEvent.setup(), onCreate }
}

describe('NewPlaybookDialog', () => {
  it('focuses the name and derives a unique id slug from it', async () => {
    const { user, onCreate } = setup(['phishing-triage'])
    const name = screen.getByRole('textbox', { name: 'Name' })
    expect(document.activeElement).toBe(name)
    await user.type(name, 'Phishing Triage!')
    expect(screen.getByRole('textbox', { name: 'Id' })).toHaveProperty('value', 'phishing-triage-2')
    await user.type(screen.getByRole('textbox', { name: 'Tags (comma-separated)' }), 'email, phishing')
    await user.click(screen.getByRole('button', { name: 'Create' }))
    expect(onCreate).toHaveBeenCalledOnce()
    const playbook = onCreate.mock.calls[0]?.[0]
    expect(playbook).toMatchObject({
      id: 'phishing-triage-2',
      name: 'Phishing Triage!',
      tags: ['email', 'phishing'],
    })
    expect(playbook?.nodes[0]?.type).toBe('trigger.manual')
  })

  it('refuses an id the user typed badly, saying why', async () => {
    const { user } = setup([])
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Triage')
    const id = screen.getByRole('textbox', { name: 'Id' })
    await user.clear(id)
    await user.type(id, 'Has Spaces')
    expect(screen.getByRole('alert').textContent).toMatch(/lower-case letters/)
    expect(screen.getByRole('button', { name: 'Create' })).toHaveProperty('disabled', true)
  })

  it('shows the server refusal and stays open', async () => {
    const refuse = vi.fn(async () => {
      throw new ApiError(409, 'CONFLICT', 'playbook "triage" exists: save it with PUT')
    })
    const { user } = setup([], refuse)
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Triage')
    await user.click(screen.getByRole('button', { name: 'Create' }))
    expect(screen.getByRole('alert').textContent).toContain('Conflict: playbook "triage" exists')
    expect(screen.getByRole('dialog', { name: 'New playbook' })).toBeTruthy()
  })
})
