// @vitest-environment jsdom
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import { InspectorEnvContext } from '../inspector-env.ts'
import { phishingPlaybook } from '../test-fixtures.ts'
import { renderInspector } from '../test-render.tsx'
import { ExpressionInput } from './ExpressionInput.tsx'
import type { Suggestion } from './suggestions.ts'

const SUGGESTIONS: Suggestion[] = [
  { path: 'trigger', detail: 'payload' },
  { path: 'trigger.host', detail: 'string' },
  { path: 'nodes.ip.output', detail: 'output of IP info' },
  { path: 'nodes.ip.output.private', detail: 'boolean' },
  { path: 'vars', detail: 'constants' },
]

function Harness({ initial = '', bare = false }: { initial?: string; bare?: boolean }) {
  const [value, setValue] = useState(initial)
  return (
    <InspectorEnvContext.Provider value={{ suggestions: SUGGESTIONS }}>
      <label htmlFor="f">Message</label>
      <ExpressionInput id="f" value={value} onChange={setValue} bare={bare} />
    </InspectorEnvContext.Provider>
  )
}

describe('ExpressionInput', () => {
  it('opens the suggestions on {{ and filters them as the path is typed', async () => {
    const user = userEvent.setup()
    render(<Harness />)
    const input = screen.getByRole('combobox', { name: 'Message' })
    await user.type(input, 'Host {{{{')
    expect(input.getAttribute('aria-expanded')).toBe('true')
    expect(screen.getAllByRole('option')).toHaveLength(5)
    await user.type(input, ' nodes.ip')
    expect(screen.getAllByRole('option').map((o) => o.getAttribute('aria-label'))).toEqual([
      'nodes.ip.output (output of IP info)',
      'nodes.ip.output.private (boolean)',
    ])
  })

  it('moves with the arrow keys and inserts with Enter, closing the braces', async () => {
    const user = userEvent.setup()
    render(<Harness />)
    const input = screen.getByRole('combobox', { name: 'Message' }) as HTMLInputElement
    await user.type(input, '{{{{tri')
    expect(screen.getByRole('option', { selected: true }).getAttribute('aria-label')).toBe(
      'trigger (payload)',
    )
    await user.keyboard('{ArrowDown}')
    const active = screen.getByRole('option', { selected: true })
    expect(active.getAttribute('aria-label')).toBe('trigger.host (string)')
    expect(input.getAttribute('aria-activedescendant')).toBe(active.id)
    await user.keyboard('{Enter}')
    expect(input.value).toBe('{{ trigger.host }}')
    expect(input.getAttribute('aria-expanded')).toBe('false')
  })

  it('closes with Escape and inserts on click', async () => {
    const user = userEvent.setup()
    render(<Harness initial="IP: " />)
    const input = screen.getByRole('combobox', { name: 'Message' }) as HTMLInputElement
    await user.click(input)
    await user.keyboard('{End}{{{{')
    await user.keyboard('{Escape}')
    expect(input.getAttribute('aria-expanded')).toBe('false')
    await user.type(input, 'v')
    await user.click(screen.getByRole('option', { name: /^vars/ }))
    expect(input.value).toBe('IP: {{ vars }}')
  })

  it('suggests on plain typing in bare mode and wraps the choice in braces', async () => {
    const user = userEvent.setup()
    render(<Harness bare />)
    const input = screen.getByRole('combobox', { name: 'Message' }) as HTMLInputElement
    await user.type(input, 'private')
    await user.keyboard('{Enter}')
    expect(input.value).toBe('{{ nodes.ip.output.private }}')
  })

  it('offers only what the node can read: upstream outputs, never later nodes', async () => {
    const user = userEvent.setup()
    renderInspector(phishingPlaybook(), ['vt_url'])
    const url = screen.getByLabelText(/^URL/)
    await user.clear(url)
    await user.type(url, '{{{{ nodes.alert.output.sev')
    expect(screen.getByRole('option', { name: /^nodes\.alert\.output\.severity/ })).toBeTruthy()
    await user.clear(url)
    await user.type(url, '{{{{ nodes.iocs.output.ur')
    expect(screen.getByRole('option', { name: /^nodes\.iocs\.output\.urls \(/ })).toBeTruthy()
    await user.clear(url)
    await user.type(url, '{{{{ nodes.vt_')
    const list = document.getElementById(url.getAttribute('aria-controls') ?? '') as HTMLElement
    expect(list.querySelectorAll('[role="option"]')).toHaveLength(0)
    expect(url.getAttribute('aria-expanded')).toBe('false')
  })
})
