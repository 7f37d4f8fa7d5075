// @vitest-environment jsdom
import { createServer } from 'node:http'
import { configure, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { fakeApi, pointPageAt, serveFakeApi } from '../../designer/run/test-api.ts'
import { testCase } from './test-case.ts'

// Real HTTP on a shared two-core machine: give answers time to arrive.
configure({ asyncUtilTimeout: 5000 })

const api = fakeApi()
let served: Awaited<ReturnType<typeof serveFakeApi>>
let CasePage: typeof import('./CasePage.tsx').default
let useSession: typeof import('../../app/session.ts').useSession

beforeAll(async () => {
  served = await serveFakeApi(api, createServer)
  pointPageAt(served.origin, '/cases/c1')
  ;({ default: CasePage } = await import('./CasePage.tsx'))
  ;({ useSession } = await import('../../app/session.ts'))
})
afterAll(() => served.stop())
beforeEach(() => {
  api.received.length = 0
  api.on('GET /api/cases/c1', { body: testCase() })
})

function login(permissions: string[]) {
  useSession.setState({ me: { id: 'u1', username: 'ana', role: 'analyst', via: 'session', permissions } })
}

const sent = (method: string) => api.received.filter((r) => r.method === method).map((r) => r.body)

async function open() {
  const user = userEvent.setup()
  render(<CasePage params={{ id: 'c1' }} />)
  await screen.findByRole('heading', { name: 'sshd: brute force' })
  return user
}

describe('CasePage', () => {
  it('shows a viewer the facts, linked alerts with payloads, runs, playbooks and timeline, read-only', async () => {
    login(['case.read'])
    const user = await open()
    const facts = screen.getByLabelText('Case facts')
    expect(facts.textContent).toContain('5712')
    expect(facts.textContent).toContain('wazuh')
    const alerts = screen.getByRole('table', { name: 'Linked alerts' })
    expect(within(alerts).getAllByRole('row')).toHaveLength(3)
    await user.click(within(alerts).getAllByRole('button', { name: 'Raw payload' })[0]!)
    expect(alerts.textContent).toContain('"id": "a2"')
    expect(screen.getByRole('link', { name: 'r1' }).getAttribute('href')).toBe('/runs/r1')
    expect(screen.getByRole('link', { name: 'Brute-force sign-in' }).getAttribute('href')).toBe(
      '/playbooks/brute-force-login',
    )
    expect(screen.getByRole('region', { name: 'Timeline' }).textContent).toContain('An alert joined')
    expect(screen.queryByRole('group', { name: 'Move the case' })).toBeNull()
    expect(screen.queryByRole('form', { name: 'Edit the case' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Add comment' })).toBeNull()
  })

  it('moves the case with the allowed moves and shows the new status', async () => {
    login(['case.read', 'case.manage'])
    api.on('PATCH /api/cases/c1', () => {
      api.on('GET /api/cases/c1', { body: testCase({ status: 'acknowledged', acknowledgedAt: 5 }) })
      return { body: { case: testCase({ status: 'acknowledged' }), changed: ['status'] } }
    })
    const user = await open()
    const moves = screen.getByRole('group', { name: 'Move the case' })
    expect(
      within(moves)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Acknowledge', 'Mark contained', 'Resolve', 'Close'])
    await user.click(within(moves).getByRole('button', { name: 'Acknowledge' }))
    expect(sent('PATCH')).toEqual([{ status: 'acknowledged' }])
    await waitFor(() =>
      expect(
        within(screen.getByRole('group', { name: 'Move the case' })).getAllByRole('button'),
      ).toHaveLength(3),
    )
  })

  it('names the allowed moves when the server refuses one (409) and reads the case again', async () => {
    login(['case.read', 'case.manage'])
    api.on('PATCH /api/cases/c1', () => {
      api.on('GET /api/cases/c1', { body: testCase({ status: 'closed' }) })
      const message = 'case c1: a closed case can only move to acknowledged, not to contained'
      return { status: 409, body: { error: { code: 'INVALID_STATE', message } } }
    })
    const user = await open()
    await user.click(screen.getByRole('button', { name: 'Mark contained' }))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('Could not change the case')
    expect(alert.textContent).toContain('can only move to acknowledged')
    await screen.findByRole('button', { name: 'Reopen' })
  })

  it('saves only the fields the user touched and lists every problem of a 422', async () => {
    login(['case.read', 'case.manage'])
    api.on('PATCH /api/cases/c1', (req) =>
      (req.body as { tags?: string[] }).tags
        ? {
            status: 422,
            body: {
              error: {
                code: 'VALIDATION',
                message: 'tags.0: too long',
                details: { problems: [{ code: 'too_big', path: '$.tags[0]', message: 'too long' }] },
              },
            },
          }
        : { body: { case: testCase(), changed: ['assignee'] } },
    )
    const user = await open()
    const form = screen.getByRole('form', { name: 'Edit the case' })
    // A playbook raises the severity meanwhile: the form shows it and never sends the old one back.
    api.on('GET /api/cases/c1', { body: testCase({ severity: 'critical' }) })
    await user.type(within(form).getByRole('textbox', { name: 'Assignee' }), 'bob')
    await user.click(within(form).getByRole('button', { name: 'Save changes' }))
    await waitFor(() => expect(sent('PATCH')).toEqual([{ assignee: 'bob' }]))
    await waitFor(() =>
      expect((within(form).getByRole('combobox', { name: 'Severity' }) as HTMLSelectElement).value).toBe(
        'critical',
      ),
    )
    await user.type(within(form).getByRole('textbox', { name: 'Tags' }), ', x')
    await user.click(within(form).getByRole('button', { name: 'Save changes' }))
    const alert = await screen.findByRole('alert')
    expect(within(alert).getByRole('list', { name: 'Problems' }).textContent).toContain('$.tags[0]: too long')
  })

  it('adds a comment', async () => {
    login(['case.read', 'case.manage'])
    api.on('POST /api/cases/c1/comments', (req) => {
      const comment = { id: 'k1', at: 1, author: 'ana', ...(req.body as { text: string }) }
      api.on('GET /api/cases/c1', { body: testCase({ comments: [comment] }) })
      return { status: 201, body: comment }
    })
    const user = await open()
    await user.type(screen.getByRole('textbox', { name: 'New comment' }), ' Blocked at the firewall. ')
    await user.click(screen.getByRole('button', { name: 'Add comment' }))
    expect(sent('POST')).toEqual([{ text: 'Blocked at the firewall.' }])
    await screen.findByText('Blocked at the firewall.')
    await waitFor(() =>
      expect((screen.getByRole('textbox', { name: 'New comment' }) as HTMLTextAreaElement).value).toBe(''),
    )
  })
})
