// @vitest-environment jsdom
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Playbook } from '../../../../runtime/format/schema.ts'
import { phishingPlaybook, smallPlaybook } from './test-fixtures.ts'
import { renderInspector, stubCredentials } from './test-render.tsx'

afterEach(() => vi.restoreAllMocks())

/** The small playbook plus an HTTP request after the lookup. */
function withHttp(params: Record<string, unknown> = { url: 'https://api.example.com' }): Playbook {
  const pb = smallPlaybook()
  pb.nodes.push({ id: 'call', type: 'action.http', version: 1, params })
  pb.edges.push({ from: 'ip', to: 'call' })
  return pb
}

/** The field container around a labelled control, to read the problems shown at it. */
function fieldOf(label: string | RegExp): HTMLElement {
  return screen.getByLabelText(label).closest('.insp-field') as HTMLElement
}

describe('Inspector: one node', () => {
  it('shows what the node is: title, type@version, description, id and name', () => {
    renderInspector(smallPlaybook(), ['ip'])
    expect(screen.getByRole('heading', { name: 'IP info' })).toBeTruthy()
    expect(screen.getByText('enrich.ip-info@1')).toBeTruthy()
    expect((screen.getByLabelText('Node id') as HTMLInputElement).value).toBe('ip')
    expect(screen.getByLabelText('Node name')).toBeTruthy()
  })

  it('renames the node, and shows the refusal when the id is taken', async () => {
    const user = userEvent.setup()
    const { store } = renderInspector(smallPlaybook(), ['ip'])
    const id = screen.getByLabelText('Node id')
    await user.clear(id)
    await user.type(id, 'score{Enter}')
    expect(screen.getByRole('alert').textContent).toMatch(/score/)
    expect(store.getState().playbook.nodes.some((n) => n.id === 'ip')).toBe(true)
    await user.clear(id)
    await user.type(id, 'lookup{Enter}')
    expect(store.getState().playbook.nodes.some((n) => n.id === 'lookup')).toBe(true)
    expect(store.getState().playbook.nodes.find((n) => n.id === 'score')?.params.input).toBeDefined()
    expect((screen.getByLabelText('Node id') as HTMLInputElement).value).toBe('lookup')
  })

  it('edits params through the generated form and writes them to the store', async () => {
    const user = userEvent.setup()
    const { params } = renderInspector(withHttp(), ['call'])
    const url = screen.getByLabelText(/^URL/)
    await user.clear(url)
    await user.type(url, 'https://x.test/a')
    expect(params('call').url).toBe('https://x.test/a')
    await user.selectOptions(screen.getByLabelText(/^Method/), 'POST')
    expect(params('call').method).toBe('POST')
  })

  it('keeps text that is not a number yet, says why, and stores numbers as numbers', async () => {
    const user = userEvent.setup()
    const { params } = renderInspector(withHttp(), ['call'])
    const timeout = screen.getByLabelText(/^Timeout \(ms\)/)
    await user.clear(timeout)
    await user.type(timeout, '12a')
    expect((timeout as HTMLInputElement).value).toBe('12a')
    expect(within(fieldOf(/^Timeout \(ms\)/)).getByText('"12a" is not a number')).toBeTruthy()
    await user.clear(timeout)
    await user.type(timeout, '50')
    expect(params('call').timeoutMs).toBe(50)
    expect(within(fieldOf(/^Timeout \(ms\)/)).getByText(/expected number to be >=100/)).toBeTruthy()
    expect(timeout.getAttribute('aria-invalid')).toBe('true')
  })

  it('lists problems at their field, and the others at the top', () => {
    const pb = withHttp({ url: '{{ nodes.side.output }}' })
    pb.edges.push({ from: 'call', port: 'nope', to: 'side' })
    renderInspector(pb, ['call'])
    expect(within(fieldOf(/^URL/)).getByText(/not upstream/)).toBeTruthy()
    const top = screen.getByRole('region', { name: 'Node call' }).querySelector(':scope > .insp-problems')
    expect(top?.textContent).toMatch(/has no output port "nope"/)
  })

  it('picks a stored credential by name, flagging a name that is not stored', async () => {
    const user = userEvent.setup()
    stubCredentials([
      { name: 'jira-bot', type: 'jira-token' },
      { name: 'siem-key', type: 'api-key' },
    ])
    const { params } = renderInspector(
      withHttp({ url: 'https://x.test', credential: 'gone' }),
      ['call'],
      ['playbook.edit', 'credential.list'],
    )
    const picker = await screen.findByRole('combobox', { name: /^Credential/ })
    expect(within(fieldOf(/^Credential/)).getByText('no stored credential is named "gone"')).toBeTruthy()
    await user.selectOptions(picker, 'siem-key')
    expect(params('call').credential).toBe('siem-key')
  })

  it('edits retries, timeout and on-error in the settings', async () => {
    const user = userEvent.setup()
    const { node } = renderInspector(withHttp(), ['call'])
    await user.click(screen.getByText('Settings'))
    await user.type(screen.getByLabelText(/^Retry attempts/), '3')
    await user.selectOptions(screen.getByLabelText(/^Backoff/), 'exponential')
    await user.click(screen.getByRole('button', { name: 'Add to Retry on error codes' }))
    await user.type(screen.getByLabelText('Retry on error codes 1'), 'HTTP_STATUS')
    await user.selectOptions(screen.getByLabelText(/^On error/), 'error')
    await user.type(screen.getByLabelText(/^Node timeout \(ms\)/), '5000')
    expect(node('call')).toMatchObject({
      retry: { max: 3, backoff: 'exponential', on: ['HTTP_STATUS'] },
      onError: 'error',
      timeoutMs: 5000,
    })
  })

  it('is read-only without playbook.edit', () => {
    renderInspector(withHttp(), ['call'], ['playbook.view'])
    expect(screen.getByText(/Read-only/)).toBeTruthy()
    expect(screen.getByLabelText(/^URL/).matches(':disabled')).toBe(true)
    expect(screen.getByRole('button', { name: 'Rename' }).matches(':disabled')).toBe(true)
  })

  it('edits a script in the code editor', async () => {
    const user = userEvent.setup()
    const { params } = renderInspector(smallPlaybook(), ['score'])
    const code = screen.getByLabelText('JavaScript code')
    await user.clear(code)
    await user.type(code, 'return input.ip')
    expect(params('score').code).toBe('return input.ip')
  })
})

describe('Inspector: no node, several nodes', () => {
  it('edits the playbook’s own fields when nothing is selected', async () => {
    const user = userEvent.setup()
    const { store } = renderInspector(phishingPlaybook())
    const name = screen.getByLabelText(/^Playbook name/)
    await user.clear(name)
    expect(within(fieldOf(/^Playbook name/)).getByText(/>=1 characters/)).toBeTruthy()
    await user.type(name, 'Phish')
    await user.click(screen.getByRole('button', { name: 'Add to SIEM rule ids' }))
    await user.type(screen.getByLabelText('SIEM rule ids 4'), 'new-rule')
    expect(store.getState().playbook).toMatchObject({
      name: 'Phish',
      rules: ['o365-reported-phish', 'proofpoint-tap-click-permitted', 'user-reported-phishing', 'new-rule'],
    })
  })

  it('counts a multi-selection and deletes it', async () => {
    const user = userEvent.setup()
    const { store } = renderInspector(smallPlaybook(), ['ip', 'side'])
    expect(screen.getByRole('heading', { name: '2 nodes selected' })).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Delete 2 nodes' }))
    expect(store.getState().playbook.nodes.map((n) => n.id)).toEqual(['start', 'score'])
  })
})
