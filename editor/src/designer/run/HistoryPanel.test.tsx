// @vitest-environment jsdom
import { createServer } from 'node:http'
import { configure, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDesignerStore } from '../store/createDesignerStore.ts'
import { playbookOf, registry } from '../store/testing.ts'
import { fakeApi, pointPageAt, serveFakeApi } from './test-api.ts'

// Real HTTP on a shared two-core machine: give answers time to arrive.
configure({ asyncUtilTimeout: 5000 })

const api = fakeApi()
let served: Awaited<ReturnType<typeof serveFakeApi>>
let HistoryPanel: typeof import('./HistoryPanel.tsx').HistoryPanel
let useSession: typeof import('../../app/session.ts').useSession

const v1 = playbookOf({ alert: 'trigger.manual', ip: 'enrich.ip-info', old: 'enrich.ip-info' }, [
  ['alert', 'ip'],
  ['alert', 'old'],
])
const v2 = playbookOf(
  {
    alert: 'trigger.manual',
    ip: { type: 'enrich.ip-info', version: 1, params: { ip: '{{ trigger.ip }}' } },
    fresh: 'enrich.ip-info',
  },
  [
    ['alert', 'ip'],
    ['ip', 'fresh'],
  ],
)
const draft = { ...v2, nodes: [...v2.nodes, { id: 'extra', type: 'enrich.ip-info', version: 1, params: {} }] }

beforeAll(async () => {
  served = await serveFakeApi(api, createServer)
  pointPageAt(served.origin, '/playbooks/test')
  ;({ HistoryPanel } = await import('./HistoryPanel.tsx'))
  ;({ useSession } = await import('../../app/session.ts'))
  const version = (n: number, note: string, by: string) => ({
    playbookId: 'test',
    version: n,
    note,
    publishedAt: Date.now() - (3 - n) * 60_000,
    publishedBy: by,
  })
  api.on('GET /api/playbooks/test/versions', {
    body: { items: [version(1, 'First cut', 'bob'), version(2, 'Tighter checks', 'carol')] },
  })
  api.on('GET /api/playbooks/test/versions/1', { body: { ...version(1, 'First cut', 'bob'), playbook: v1 } })
  api.on('GET /api/playbooks/test/versions/2', {
    body: { ...version(2, 'Tighter checks', 'carol'), playbook: v2 },
  })
})
afterAll(() => served.stop())

function setup(permissions = ['playbook.read', 'playbook.edit']) {
  useSession.setState({ me: { id: 'u1', username: 'ann', role: 'analyst', via: 'session', permissions } })
  const store = createDesignerStore({ playbook: draft, registry })
  const user = userEvent.setup()
  render(<HistoryPanel store={store} playbookId="test" />)
  return { store, user }
}

const diffOf = (region: HTMLElement, nodeId: string) =>
  within(region).getByTestId(`node-${nodeId}`).getAttribute('data-diff')

describe('the version history', () => {
  it('lists versions newest first with note, author and time', async () => {
    setup()
    const list = await screen.findByRole('list', { name: 'Versions' })
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2))
    const [newest, oldest] = within(list).getAllByRole('listitem')
    expect(newest?.textContent).toMatch(/^v2Tighter checkscarol1 min ago/)
    expect(oldest?.textContent).toMatch(/^v1First cutbob2 min ago/)
  })

  it('opens a version read-only and restores it into the draft as one undo step', async () => {
    const { store, user } = setup()
    await user.click(await screen.findByRole('button', { name: 'Open version 1' }))
    const shown = await screen.findByRole('region', { name: 'Version 1' })
    await within(shown).findByTestId('node-old')
    expect(store.getState().playbook.nodes.map((n) => n.id)).toContain('extra')

    await user.click(within(shown).getByRole('button', { name: 'Restore into draft' }))
    expect(
      store
        .getState()
        .playbook.nodes.map((n) => n.id)
        .sort(),
    ).toEqual(['alert', 'ip', 'old'])
    expect(store.getState().notice?.message).toBe(
      'Version 1 restored into the draft: save to keep it, or undo.',
    )
    store.getState().undo()
    expect(store.getState().playbook.nodes.map((n) => n.id)).toContain('extra')
  })

  it('does not offer to restore to a user who cannot edit', async () => {
    const { user } = setup(['playbook.read'])
    await user.click(await screen.findByRole('button', { name: 'Open version 2' }))
    const shown = await screen.findByRole('region', { name: 'Version 2' })
    await within(shown).findByTestId('node-fresh')
    expect(within(shown).queryByRole('button', { name: 'Restore into draft' })).toBeNull()
  })

  it('compares two versions: removed nodes drawn, every change highlighted and listed', async () => {
    const { user } = setup()
    await screen.findByRole('button', { name: 'Open version 1' })
    await user.selectOptions(screen.getByRole('combobox', { name: 'Compare' }), 'Version 1')
    await user.selectOptions(screen.getByRole('combobox', { name: 'with' }), 'Version 2')
    await user.click(screen.getByRole('button', { name: 'Show changes' }))
    const region = await screen.findByRole('region', { name: 'Changes from version 1 to version 2' })
    await within(region).findByTestId('node-old')
    expect(diffOf(region, 'old')).toBe('removed')
    expect(diffOf(region, 'fresh')).toBe('added')
    expect(diffOf(region, 'ip')).toBe('changed')
    expect(diffOf(region, 'alert')).toBeNull()
    const changes = within(region).getByRole('list', { name: 'Changes' })
    expect(
      within(changes)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Added node fresh',
      'Changed node ip: params.ip',
      'Removed node old',
      'Added edge ip:out->fresh',
      'Removed edge alert:out->old',
    ])
  })

  it('compares the latest version with the current draft, unsaved changes included', async () => {
    const { user } = setup()
    await screen.findByRole('button', { name: 'Open version 1' })
    expect(screen.getByRole('combobox', { name: 'Compare' })).toHaveProperty('value', '2')
    await user.click(screen.getByRole('button', { name: 'Show changes' }))
    const region = await screen.findByRole('region', { name: 'Changes from version 2 to the current draft' })
    await within(region).findByTestId('node-extra')
    expect(diffOf(region, 'extra')).toBe('added')
    expect(within(region).getByRole('list', { name: 'Changes' }).textContent).toBe('Added node extra')
  })
})
