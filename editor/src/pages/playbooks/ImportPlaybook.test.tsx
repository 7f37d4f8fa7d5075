// @vitest-environment jsdom
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../api/client.ts'
import { ImportPlaybook } from './ImportPlaybook.tsx'

const file = (text: string, name = 'triage.json') => new File([text], name, { type: 'application/json' })

describe('ImportPlaybook', () => {
  it('says where a file is not valid JSON, without sending it', async () => {
    const onImport = vi.fn()
    const user = userEvent.setup()
    render(<ImportPlaybook onImport={onImport} />)
    await user.upload(screen.getByLabelText('Playbook file to import'), file('{\n "id": }'))
    expect(await screen.findByRole('dialog', { name: 'Import of triage.json failed' })).toBeTruthy()
    expect(screen.getByRole('alert').textContent).toMatch(/line 2, column 8/)
    expect(onImport).not.toHaveBeenCalled()
  })

  it('lists every problem of a 422 answer with its path', async () => {
    const onImport = vi.fn(async () => {
      throw new ApiError(422, 'INVALID_PLAYBOOK', 'the playbook is invalid', [
        { code: 'SCHEMA', message: 'required', path: '$.name' },
        { code: 'UNKNOWN_NODE_TYPE', message: 'unknown node type "x.y"', path: '$.nodes[1].type' },
      ])
    })
    const user = userEvent.setup()
    render(<ImportPlaybook onImport={onImport} />)
    await user.upload(screen.getByLabelText('Playbook file to import'), file('{"id":"triage"}'))
    const problems = await screen.findByRole('list', { name: 'Problems' })
    expect(problems.textContent).toContain('$.name: required')
    expect(problems.textContent).toContain('$.nodes[1].type: unknown node type "x.y"')
  })

  it('asks whether to replace the draft when the id exists, without showing an error', async () => {
    const onImport = vi.fn(async (_: Record<string, unknown>, mode: 'create' | 'replace') => {
      if (mode === 'create') throw new ApiError(409, 'CONFLICT', 'playbook "triage" exists')
    })
    const user = userEvent.setup()
    render(<ImportPlaybook onImport={onImport} />)
    await user.upload(screen.getByLabelText('Playbook file to import'), file('{"id":"triage"}'))
    const question = await screen.findByRole('dialog', { name: 'Playbook triage already exists' })
    expect(question.textContent).toContain('Published versions stay as they are')
    expect(screen.queryByRole('alert')).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Replace the draft' }))
    expect(onImport).toHaveBeenLastCalledWith({ id: 'triage' }, 'replace')
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('cancelling the question sends nothing more', async () => {
    const onImport = vi.fn(async () => {
      throw new ApiError(409, 'CONFLICT', 'playbook "triage" exists')
    })
    const user = userEvent.setup()
    render(<ImportPlaybook onImport={onImport} />)
    await user.upload(screen.getByLabelText('Playbook file to import'), file('{"id":"triage"}'))
    await user.click(await screen.findByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(onImport).toHaveBeenCalledTimes(1)
  })
})
