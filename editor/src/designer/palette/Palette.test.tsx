// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { ReactFlowProvider } from '@xyflow/react'
import { describe, expect, it } from 'vitest'
import { NODE_DRAG_TYPE } from '../canvas/drop.ts'
import { createDesignerStore } from '../store/createDesignerStore.ts'
import { playbookOf, registry } from '../store/testing.ts'
import { Palette } from './Palette.tsx'

function setup() {
  const store = createDesignerStore({ playbook: playbookOf({ alert: 'trigger.alert' }), registry })
  render(
    <ReactFlowProvider>
      <Palette store={store} types={registry.all()} />
    </ReactFlowProvider>,
  )
  return store
}

describe('Palette', () => {
  it('groups node types under headings, each item named by its title', () => {
    setup()
    const triggers = screen.getByRole('region', { name: 'Triggers' })
    expect(within(triggers).getByRole('button', { name: 'Webhook' })).toBeTruthy()
    expect(screen.getByRole('region', { name: 'Templates' })).toBeTruthy()
  })

  it('filters by search', async () => {
    setup()
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search nodes' }), 'virustotal ip')
    expect(screen.getAllByRole('button').map((b) => b.getAttribute('data-testid'))).toEqual([
      'palette-item-virustotal.ip-report',
    ])
    await userEvent.type(screen.getByRole('searchbox'), 'zzz')
    expect(screen.getByText(/No node matches/)).toBeTruthy()
  })

  it('adds a clicked node beside the selection', async () => {
    const store = setup()
    store.getState().select(['alert'])
    await userEvent.click(screen.getByTestId('palette-item-enrich.ip-info'))
    const { playbook, selection } = store.getState()
    expect(selection).toEqual(['ip_info'])
    expect(playbook.layout?.ip_info).toEqual({ x: 260, y: 0 })
  })

  it('refuses a second trigger with a reason', async () => {
    const store = setup()
    await userEvent.click(screen.getByTestId('palette-item-trigger.webhook'))
    expect(store.getState().playbook.nodes).toHaveLength(1)
    expect(store.getState().notice?.message).toContain('exactly one trigger')
  })

  it('drags an item as a node type and version', () => {
    setup()
    const data: Record<string, string> = {}
    fireEvent.dragStart(screen.getByTestId('palette-item-flow.delay'), {
      dataTransfer: { setData: (type: string, value: string) => (data[type] = value), effectAllowed: 'none' },
    })
    expect(JSON.parse(data[NODE_DRAG_TYPE]!)).toEqual({ type: 'flow.delay', version: 1 })
  })
})
