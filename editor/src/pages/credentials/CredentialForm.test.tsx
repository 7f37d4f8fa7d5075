// @vitest-environment jsdom
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../api/client.ts'
import { CredentialForm } from './CredentialForm.tsx'
import { CredentialTable } from './CredentialTable.tsx'

const SECRET = 'vt-4f2a9c0e6b1d8e7f3a5c9b2d4e6f8a0c'

describe('CredentialForm', () => {
  it('takes the value in a password field, sends it, and never keeps it on the page', async () => {
    const onSubmit = vi.fn(async () => {})
    const user = userEvent.setup()
    const { container } = render(<CredentialForm types={['virustotal-api-key']} onSubmit={onSubmit} />)
    const value = screen.getByLabelText('Value')
    expect(value.getAttribute('type')).toBe('password')
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'vt')
    await user.type(screen.getByRole('combobox', { name: 'Type' }), 'virustotal-api-key')
    await user.type(value, SECRET)
    await user.click(screen.getByRole('button', { name: 'Store credential' }))
    expect(onSubmit).toHaveBeenCalledWith({ name: 'vt', type: 'virustotal-api-key', value: SECRET })
    expect(value).toHaveProperty('value', '')
    expect(container.innerHTML).not.toContain(SECRET)
  })

  it('clears the value also when the server refuses it', async () => {
    const onSubmit = vi.fn(async () => {
      throw new ApiError(409, 'CONFLICT', 'credential "vt" exists')
    })
    const user = userEvent.setup()
    const { container } = render(<CredentialForm types={[]} onSubmit={onSubmit} />)
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'vt')
    await user.type(screen.getByRole('combobox', { name: 'Type' }), 'x')
    await user.type(screen.getByLabelText('Value'), SECRET)
    await user.click(screen.getByRole('button', { name: 'Store credential' }))
    expect(screen.getByRole('alert').textContent).toContain('credential "vt" exists')
    expect(screen.getByLabelText('Value')).toHaveProperty('value', '')
    expect(container.innerHTML).not.toContain(SECRET)
  })

  it('shows every field problem before sending', async () => {
    const onSubmit = vi.fn()
    const user = userEvent.setup()
    render(<CredentialForm types={[]} onSubmit={onSubmit} />)
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'has space')
    await user.click(screen.getByRole('button', { name: 'Store credential' }))
    expect(onSubmit).not.toHaveBeenCalled()
    expect(screen.getByText('letters, digits and . _ - only')).toBeTruthy()
    expect(screen.getAllByText('required')).toHaveLength(2)
  })
})

describe('CredentialTable', () => {
  const items = [
    {
      id: 'c1',
      name: 'vt',
      type: 'virustotal-api-key',
      keyId: 'k1',
      createdAt: 0,
      updatedAt: 1000,
      lastUsedAt: null,
    },
  ]

  it('lists names and types, replaces a value in a dialog and deletes after a confirmation', async () => {
    const onReplace = vi.fn(async () => {})
    const onDelete = vi.fn(async () => {})
    const user = userEvent.setup()
    render(<CredentialTable items={items} types={[]} now={5000} onReplace={onReplace} onDelete={onDelete} />)
    expect(screen.getByRole('table', { name: 'Credentials' }).textContent).toContain('virustotal-api-key')
    await user.click(screen.getByRole('button', { name: 'Replace the value of vt' }))
    const dialog = screen.getByRole('dialog', { name: 'Replace the value of vt' })
    expect(dialog.querySelector('input[type=password]')).toHaveProperty('value', '')
    await user.type(screen.getByLabelText('New value'), 'rotated')
    await user.click(screen.getByRole('button', { name: 'Replace value' }))
    expect(onReplace).toHaveBeenCalledWith({ name: 'vt', type: 'virustotal-api-key', value: 'rotated' })
    expect(screen.queryByRole('dialog')).toBeNull()

    await user.click(screen.getByRole('button', { name: 'Delete vt' }))
    expect(onDelete).not.toHaveBeenCalled()
    await user.click(screen.getByRole('button', { name: 'Yes, delete vt' }))
    expect(onDelete).toHaveBeenCalledWith('vt')
  })
})
