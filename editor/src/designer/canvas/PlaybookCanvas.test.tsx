// @vitest-environment jsdom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { createDesignerStore } from '../store/createDesignerStore.ts'
import { playbookOf, registry } from '../store/testing.ts'
import { NODE_DRAG_TYPE } from './drop.ts'
import { PlaybookCanvas } from './PlaybookCanvas.tsx'

function setup(readOnly = false) {
  const playbook = {
    ...playbookOf(
      {
        alert: 'trigger.alert',
        check: { type: 'condition.if', version: 1, params: {}, name: 'Is it bad?' },
        ip: { type: 'enrich.ip-info', version: 1, params: { ip: '' }, onError: 'error' as const },
        ghost: 'acme.vanished',
      },
      [
        ['alert', 'check'],
        ['check', 'ip', 'true'],
      ],
    ),
    notes: [{ id: 'note', text: 'Escalate after 5 pm', x: 0, y: 300 }],
  }
  const store = createDesignerStore({ playbook, registry })
  render(
    <div style={{ width: 1000, height: 800 }}>
      <PlaybookCanvas store={store} readOnly={readOnly} />
    </div>,
  )
  return { store, s: () => store.getState() }
}

describe('PlaybookCanvas', () => {
  it('draws each node with its title, id, type and one handle per output port', async () => {
    setup()
    const check = await screen.findByTestId('node-check')
    expect(within(check).getByText('Is it bad?')).toBeTruthy()
    expect(within(check).getByText('check')).toBeTruthy()
    expect(within(check).getByText('condition.if')).toBeTruthy()
    expect(within(check).getByText('true')).toBeTruthy()
    expect(within(check).getByText('false')).toBeTruthy()
    expect(check.querySelector('[data-handleid="true"].source')).toBeTruthy()
    expect(check.querySelector('[data-handleid="in"].target')).toBeTruthy()
    // A trigger takes no input; onError "error" adds an error port.
    expect((await screen.findByTestId('node-alert')).querySelector('.target')).toBeNull()
    expect(screen.getByTestId('node-ip').querySelector('[data-handleid="error"]')).toBeTruthy()
  })

  it('shows an unknown type as such, with its problem count, instead of failing', async () => {
    setup()
    const ghost = await screen.findByTestId('node-ghost')
    expect(within(ghost).getByText('unknown type acme.vanished@1')).toBeTruthy()
    expect(within(ghost).getByLabelText(/problems?$/)).toBeTruthy()
  })

  it('draws edges with their port label and lights up the edges a run took', async () => {
    const { store } = setup()
    await waitFor(() => expect(document.querySelector('[data-id="check:true->ip"]')).toBeTruthy())
    const edge = document.querySelector('[data-id="check:true->ip"]')!
    expect(edge.querySelector('text')?.textContent).toBe('true')
    act(() =>
      store.getState().setOverlay({
        runId: 'r1',
        status: 'running',
        nodes: { alert: { status: 'succeeded', durationMs: 12 }, check: { status: 'running' } },
        takenEdges: ['alert:out->check'],
      }),
    )
    await waitFor(() =>
      expect(document.querySelector('[data-id="alert:out->check"]')?.classList).toContain('taken'),
    )
    const alert = screen.getByTestId('node-alert')
    expect(alert.dataset.status).toBe('succeeded')
    expect(within(alert).getByText('12 ms')).toBeTruthy()
    expect(screen.getByTestId('node-check').dataset.status).toBe('running')
  })

  it('selects a node on click, and more with shift', async () => {
    const { s } = setup()
    fireEvent.click(await screen.findByTestId('node-check'))
    await waitFor(() => expect(s().selection).toEqual(['check']))
    // React Flow tracks the modifier from key events, as a real keyboard sends them.
    fireEvent.keyDown(document.body, { key: 'Shift' })
    fireEvent.click(screen.getByTestId('node-ip'), { shiftKey: true })
    fireEvent.keyUp(document.body, { key: 'Shift' })
    await waitFor(() => expect([...s().selection].sort()).toEqual(['check', 'ip']))
    expect(screen.getByTestId('node-check').dataset.selected).toBe('true')
  })

  it('edits sticky notes in place', async () => {
    const { s } = setup()
    const note = await screen.findByRole('textbox', { name: 'Note note' })
    await userEvent.type(note, '!')
    expect(s().playbook.notes?.[0]?.text).toBe('Escalate after 5 pm!')
  })

  it('adds a node dropped from the palette, and explains a drop of something else', async () => {
    const { s } = setup()
    await screen.findByTestId('node-check')
    const pane = document.querySelector('.react-flow')!
    const drop = (data: string) =>
      fireEvent.drop(pane, {
        clientX: 400,
        clientY: 300,
        dataTransfer: { types: [NODE_DRAG_TYPE], getData: () => data, dropEffect: 'none' },
      })
    drop(JSON.stringify({ type: 'flow.delay', version: 1 }))
    await waitFor(() => expect(s().playbook.nodes.map((n) => n.id)).toContain('delay'))
    drop('{ not json')
    expect(s().notice?.message).toBe('That is not a node from the palette.')
  })

  it('deletes the selection with the Delete key as one undo step', async () => {
    const { s } = setup()
    fireEvent.click(await screen.findByTestId('node-check'))
    await waitFor(() => expect(s().selection).toEqual(['check']))
    fireEvent.keyDown(document.body, { key: 'Delete' })
    await waitFor(() => expect(s().playbook.nodes.map((n) => n.id)).not.toContain('check'))
    expect(s().playbook.edges).toEqual([])
    act(() => s().undo())
    expect(s().playbook.edges).toHaveLength(2)
  })

  it('highlights version differences and does not edit when read-only', async () => {
    const { s } = setup(true)
    const note = await screen.findByText('Escalate after 5 pm')
    expect(note.tagName).toBe('DIV')
    expect(screen.queryByRole('textbox')).toBeNull()
    fireEvent.click(screen.getByTestId('node-check'))
    fireEvent.keyDown(document.body, { key: 'Delete' })
    expect(s().playbook.nodes).toHaveLength(4)
  })
})
