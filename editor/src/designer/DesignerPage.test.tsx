// @vitest-environment jsdom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Route, Router } from 'wouter'
import { memoryLocation } from 'wouter/memory-location'
import { api } from '../api/client.ts'
import { useSession } from '../app/session.ts'
import DesignerPage from './DesignerPage.tsx'
import { playbookOf } from './store/testing.ts'

const draft = playbookOf(
  { alert: 'trigger.alert', ip: { type: 'enrich.ip-info', version: 1, params: { ip: '{{ trigger.ip }}' } } },
  [['alert', 'ip']],
)

type Answer = { status: number; body?: unknown }
const answer = ({ status, body }: Answer) =>
  status < 300
    ? { data: body, response: new Response(null, { status }) }
    : { error: body ?? {}, response: new Response(null, { status }) }

let routes: Record<string, (body?: unknown) => Answer>
const calls: { method: string; path: string; body?: unknown }[] = []

function stubApi() {
  for (const method of ['GET', 'PUT', 'POST'] as const)
    vi.spyOn(api, method).mockImplementation((async (path: string, init?: { body?: unknown }) => {
      calls.push({ method, path, body: init?.body })
      const route = routes[`${method} ${path}`]
      return answer(route ? route(init?.body) : { status: 404 })
    }) as never)
}

function loginAs(permissions: string[]) {
  useSession.setState({ me: { id: 'u1', username: 'ana', role: 'analyst', permissions, via: 'session' } })
}

function open(id = 'test') {
  const { hook } = memoryLocation({ path: `/playbooks/${id}` })
  render(
    <Router hook={hook}>
      <Route path="/playbooks/:id" component={DesignerPage} />
    </Router>,
  )
}

beforeEach(() => {
  calls.length = 0
  routes = {
    'GET /api/playbooks/{id}': () => ({
      status: 200,
      body: {
        id: 'test',
        name: 'Test',
        tags: [],
        createdAt: 0,
        updatedAt: 0,
        updatedBy: null,
        playbook: draft,
      },
    }),
    'GET /api/templates': () => ({ status: 200, body: { items: [] } }),
    'PUT /api/playbooks/{id}': (body) => ({ status: 200, body: { draft: { playbook: body }, warnings: [] } }),
    'POST /api/playbooks/{id}/publish': () => ({ status: 201, body: { version: 3 } }),
  }
  stubApi()
  loginAs(['playbook.read', 'playbook.edit', 'playbook.publish', 'run.test'])
})

afterEach(() => vi.restoreAllMocks())

describe('DesignerPage', () => {
  it('opens the draft with the palette, the canvas and the problems panel', async () => {
    open()
    expect(await screen.findByTestId('node-ip')).toBeTruthy()
    expect(screen.getByTestId('palette-item-enrich.ip-info')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'IP info' })).toBeTruthy()
    expect(screen.getByTestId('problem-counts').textContent).toBe('No problems')
    expect(screen.getByRole('tab', { name: 'Inspector', selected: true })).toBeTruthy()
  })

  it('says so when the playbook does not exist', async () => {
    routes['GET /api/playbooks/{id}'] = () => ({
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: 'x' } },
    })
    open('nope')
    expect(await screen.findByRole('heading', { name: 'No such playbook' })).toBeTruthy()
  })

  it('adds a node by click, validates it, undoes it and saves with Ctrl+S', async () => {
    open()
    await screen.findByTestId('node-ip')
    await userEvent.click(screen.getByTestId('palette-item-flow.delay'))
    expect(await screen.findByTestId('node-delay')).toBeTruthy()
    expect(screen.getByText('Unsaved changes')).toBeTruthy()
    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true })
    await waitFor(() => expect(screen.queryByTestId('node-delay')).toBeNull())
    fireEvent.keyDown(document.body, { key: 'y', ctrlKey: true })
    expect(await screen.findByTestId('node-delay')).toBeTruthy()
    fireEvent.keyDown(document.body, { key: 's', ctrlKey: true })
    await waitFor(() => expect(screen.getByText('Saved')).toBeTruthy())
    const put = calls.find((c) => c.method === 'PUT')!
    expect((put.body as typeof draft).nodes.map((n) => n.id)).toEqual(['alert', 'ip', 'delay'])
    expect(screen.getByRole('status').textContent).toContain('Draft saved.')
  })

  it('duplicates, deletes and adds notes from the toolbar', async () => {
    open()
    fireEvent.click(await screen.findByTestId('node-ip'))
    await userEvent.click(screen.getByRole('button', { name: 'Duplicate' }))
    expect(await screen.findByTestId('node-ip_2')).toBeTruthy()
    await userEvent.click(screen.getByRole('button', { name: 'Delete' }))
    await waitFor(() => expect(screen.queryByTestId('node-ip_2')).toBeNull())
    expect(screen.getByTestId('node-ip')).toBeTruthy()
    await userEvent.click(screen.getByRole('button', { name: 'Add note' }))
    expect(await screen.findByRole('textbox', { name: 'Note note' })).toBeTruthy()
  })

  it('lists every problem of a refused save in the problems panel', async () => {
    routes['PUT /api/playbooks/{id}'] = () => ({
      status: 422,
      body: {
        error: {
          code: 'VALIDATION',
          message: 'invalid playbook',
          details: {
            problems: [
              { code: 'ID_MISMATCH', message: 'id must be "test"', path: '$.id', severity: 'error' },
            ],
          },
        },
      },
    })
    open()
    await screen.findByTestId('node-ip')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    const panel = screen.getByRole('region', { name: 'Problems' })
    expect(await within(panel).findByText('id must be "test"')).toBeTruthy()
    expect(within(panel).getByText('The server refused the save')).toBeTruthy()
    expect(screen.getByRole('alert').textContent).toContain('Not saved')
  })

  it('selects the node of a problem when it is clicked', async () => {
    routes['GET /api/playbooks/{id}'] = () => ({
      status: 200,
      body: {
        id: 'test',
        name: 'Test',
        tags: [],
        createdAt: 0,
        updatedAt: 0,
        updatedBy: null,
        playbook: playbookOf({ alert: 'trigger.alert', lone: 'transform.set' }),
      },
    })
    open()
    const row = await screen.findByRole('button', { name: /UNREACHABLE/ })
    await userEvent.click(row)
    await waitFor(() => expect(screen.getByTestId('node-lone').dataset.selected).toBe('true'))
  })

  it('publishes with a note, saving unsaved changes first', async () => {
    open()
    await screen.findByTestId('node-ip')
    await userEvent.click(screen.getByTestId('palette-item-flow.delay'))
    await userEvent.click(screen.getByRole('button', { name: 'Publish' }))
    const dialog = screen.getByRole('dialog', { name: 'Publish a new version' })
    await userEvent.type(within(dialog).getByLabelText('Release note'), 'Adds a delay')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Publish' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(calls.filter((c) => c.method !== 'GET').map((c) => c.path)).toEqual([
      '/api/playbooks/{id}',
      '/api/playbooks/{id}/publish',
    ])
    expect(calls.at(-1)?.body).toEqual({ note: 'Adds a delay' })
    expect(screen.getByRole('status').textContent).toContain('Published version 3.')
  })

  it('imports a file, and shows why a bad file cannot be imported', async () => {
    open()
    await screen.findByTestId('node-ip')
    const input = screen.getByLabelText('Playbook file to import')
    await userEvent.upload(input, new File(['{ nope'], 'broken.json', { type: 'application/json' }))
    expect(await screen.findByText('broken.json could not be imported')).toBeTruthy()
    expect(screen.getByText(/line 1, column 3/)).toBeTruthy()
    const other = { ...playbookOf({ hook: 'trigger.webhook' }), id: 'elsewhere' }
    await userEvent.upload(input, new File([JSON.stringify(other)], 'other.json'))
    expect(await screen.findByTestId('node-hook')).toBeTruthy()
    expect(screen.queryByTestId('node-ip')).toBeNull()
    expect(screen.getByRole('status').textContent).toContain('"elsewhere" became "test"')
  })

  it('copies the selection to the clipboard as JSON and pastes it with new ids', async () => {
    open()
    fireEvent.click(await screen.findByTestId('node-ip'))
    let copied = ''
    fireEvent.copy(document.body, {
      clipboardData: { setData: (_type: string, text: string) => (copied = text) },
    })
    expect(JSON.parse(copied).nodes.map((n: { id: string }) => n.id)).toEqual(['ip'])
    fireEvent.paste(document.body, { clipboardData: { getData: () => copied } })
    expect(await screen.findByTestId('node-ip_2')).toBeTruthy()
    fireEvent.paste(document.body, { clipboardData: { getData: () => 'lunch order: 2 pizzas' } })
    expect(screen.getByRole('alert').textContent).toContain('not JSON')
  })

  it('opens the shortcut help with ? and the run panel from the toolbar', async () => {
    open()
    await screen.findByTestId('node-ip')
    fireEvent.keyDown(document.body, { key: '?' })
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeTruthy()
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' })
    expect(screen.queryByRole('dialog')).toBeNull()
    await userEvent.click(screen.getByRole('button', { name: 'Run' }))
    expect(screen.getByRole('tab', { name: 'Run', selected: true })).toBeTruthy()
  })

  it('is read-only for a viewer', async () => {
    loginAs(['playbook.read'])
    open()
    await screen.findByTestId('node-ip')
    expect(screen.queryByRole('navigation', { name: 'Node palette' })).toBeNull()
    expect(screen.getByRole('button', { name: 'Save' }).hasAttribute('disabled')).toBe(true)
    expect(screen.getByRole('button', { name: 'Publish' }).hasAttribute('disabled')).toBe(true)
    expect(screen.getByText('Read only')).toBeTruthy()
    act(() => {
      fireEvent.keyDown(document.body, { key: 's', ctrlKey: true })
    })
    expect(calls.some((c) => c.method === 'PUT')).toBe(false)
  })
})
