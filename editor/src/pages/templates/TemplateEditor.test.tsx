// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import vtIpReport from '../../../../nodes/templates/starter/virustotal-ip-report.json' with { type: 'json' }
import { ApiError } from '../../api/client.ts'
import { TemplateEditor } from './TemplateEditor.tsx'
import { templateText } from './template-text.ts'

const valid = templateText({ ...vtIpReport, id: 'acme.ip-report' }, 'json')

function setup(text: string, onPublish = vi.fn(async () => {})) {
  render(
    <TemplateEditor
      initialText={text}
      initialLanguage="json"
      published={[]}
      onPublish={onPublish}
      onTestCall={vi.fn()}
      onCancel={vi.fn()}
    />,
  )
  return { onPublish, user: userEvent.setup() }
}

describe('TemplateEditor', () => {
  it('lists every problem with its path and blocks publishing', () => {
    const broken = valid
      .replace('"acme.ip-report"', '"Acme"')
      .replace('"sideEffects": false', '"sideEffects": 1')
    setup(broken)
    const problems = screen.getByRole('list', { name: 'Template problems' })
    expect(problems.textContent).toMatch(/id: ids are `vendor\.action`/)
    expect(problems.textContent).toMatch(/sideEffects: /)
    expect(screen.getByRole('button', { name: 'Publish' })).toHaveProperty('disabled', true)
  })

  it('validates as the user edits and publishes the parsed template', async () => {
    const { user, onPublish } = setup('{')
    expect(screen.getByRole('status').textContent).toMatch(/invalid JSON/)
    fireEvent.change(screen.getByRole('textbox', { name: 'Template text' }), { target: { value: valid } })
    expect(await screen.findByText('Valid: ready to publish acme.ip-report v1.')).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Publish' }))
    expect(onPublish).toHaveBeenCalledWith(expect.objectContaining({ id: 'acme.ip-report', version: 1 }))
  })

  it('converts the text when switching to YAML', async () => {
    const { user } = setup(valid)
    await user.selectOptions(screen.getByRole('combobox', { name: 'Format' }), 'yaml')
    const text = (screen.getByRole('textbox', { name: 'Template text' }) as HTMLTextAreaElement).value
    expect(text.startsWith('id: acme.ip-report\n')).toBe(true)
    expect(await screen.findByText('Valid: ready to publish acme.ip-report v1.')).toBeTruthy()
  })

  it('shows the server’s refusal with its problems', async () => {
    const refuse = vi.fn(async () => {
      throw new ApiError(409, 'TEMPLATE_ID_RESERVED', '"acme.ip-report" is a built-in node type')
    })
    const { user } = setup(valid, refuse)
    await user.click(screen.getByRole('button', { name: 'Publish' }))
    expect(screen.getByRole('alert').textContent).toContain(
      'Conflict: "acme.ip-report" is a built-in node type',
    )
  })
})
