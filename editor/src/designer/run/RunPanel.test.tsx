// @vitest-environment jsdom
import { createServer } from 'node:http'
import { configure, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDesignerStore } from '../store/createDesignerStore.ts'
import { playbookOf, registry } from '../store/testing.ts'
import { fakeApi, pointPageAt, serveFakeApi, stamper } from './test-api.ts'

// Real HTTP on a shared two-core machine: give answers time to arrive.
configure({ asyncUtilTimeout: 5000 })

const api = fakeApi()
let served: Awaited<ReturnType<typeof serveFakeApi>>
let RunPanel: typeof import('./RunPanel.tsx').RunPanel
let useSession: typeof import('../../app/session.ts').useSession

beforeAll(async () => {
  served = await serveFakeApi(api, createServer)
  pointPageAt(served.origin, '/playbooks/test')
  ;({ RunPanel } = await import('./RunPanel.tsx'))
  ;({ useSession } = await import('../../app/session.ts'))
})
afterAll(() => served.stop())

function login(permissions: string[]) {
  useSession.setState({ me: { id: 'u1', username: 'ann', role: 'responder', via: 'session', permissions } })
}

const RESPONDER = ['run.read', 'run.test', 'run.cancel', 'approval.read', 'approval.decide']

function setup() {
  const playbook = playbookOf({ alert: 'trigger.manual', ip: 'enrich.ip-info', gate: 'flow.approval' }, [
    ['alert', 'ip'],
    ['ip', 'gate'],
  ])
  const store = createDesignerStore({ playbook, registry })
  const user = userEvent.setup()
  const view = render(<RunPanel store={store} playbookId="test" />)
  return { store, user, view }
}

const step = (nodeId: string, extra: Record<string, unknown> = {}) => ({
  nodeId,
  attempt: 1,
  status: 'succeeded',
  input: {},
  output: { seen: nodeId },
  logs: [{ level: 'info', message: `${nodeId} says hi` }],
  startedAt: 1,
  finishedAt: 2,
  ...extra,
})

const runDetail = (id: string, steps: unknown[], trigger: unknown = {}) => ({
  id,
  playbookId: 'test',
  version: null,
  mode: 'test',
  status: 'running',
  queuedAt: 1,
  startedAt: 1,
  finishedAt: null,
  retryOfRunId: null,
  retryFromNode: null,
  createdBy: 'ann',
  trigger,
  steps,
})

describe('the run panel', () => {
  it('runs a past run’s event in simulate mode and shows the live trace on the canvas and in the list', async () => {
    login(RESPONDER)
    api.on('GET /api/runs', { body: { items: [{ ...runDetail('old', []), status: 'succeeded' }] } })
    api.on('GET /api/runs/old', { body: runDetail('old', [], { user: 'bob' }) })
    api.on('POST /api/playbooks/test/runs', { status: 202, body: { runId: 'r1' } })
    api.on('GET /api/runs/r1', {
      body: runDetail('r1', [
        step('alert'),
        step('ip', {
          status: 'failed',
          output: undefined,
          error: { code: 'HTTP_500', message: 'upstream down' },
        }),
      ]),
    })
    const { store, user } = setup()

    await screen.findByRole('option', { name: /· old$/ })
    await user.selectOptions(screen.getByRole('combobox', { name: 'Event of a past run' }), 'old')
    const box = screen.getByRole('textbox', { name: 'Trigger event (JSON)' })
    await waitFor(() => expect(box).toHaveProperty('value', '{\n  "user": "bob"\n}'))
    await user.click(screen.getByRole('checkbox', { name: /Also answer lookups/ }))
    await user.click(screen.getByRole('button', { name: 'Run test (simulate)' }))
    await waitFor(() => expect(store.getState().overlay?.runId).toBe('r1'))
    expect(api.received.find((r) => r.method === 'POST')?.body).toEqual({
      event: { user: 'bob' },
      mode: 'test',
      simulate: { external: true },
    })

    const ev = stamper('r1')
    api.emit(
      ev({ type: 'run.started', playbookId: 'test', mode: 'test' }),
      ev({ type: 'node.started', nodeId: 'alert', attempt: 1 }),
      ev({ type: 'node.succeeded', nodeId: 'alert', attempt: 1, output: {}, ports: ['out'], durationMs: 12 }),
      ev({ type: 'node.started', nodeId: 'ip', attempt: 1 }),
    )
    await screen.findByRole('button', { name: 'Node ip: running' })
    expect(screen.getByRole('button', { name: 'Node alert: succeeded' }).textContent).toContain('12 ms')
    expect(screen.getByRole('button', { name: 'Node gate: pending' })).toBeTruthy()
    expect(store.getState().overlay).toMatchObject({
      status: 'running',
      nodes: { alert: { status: 'succeeded', durationMs: 12 }, ip: { status: 'running' } },
      takenEdges: ['alert:out->ip'],
    })

    await user.click(screen.getByRole('button', { name: 'Node alert: succeeded' }))
    expect(store.getState().selection).toEqual(['alert'])
    const details = await screen.findByRole('region', { name: 'Details of alert' })
    const block = (label: string) => within(details).getByText(label, { selector: 'summary' }).parentElement
    await waitFor(() => expect(block('Output')?.textContent).toContain('"seen": "alert"'))
    expect(block('Logs (1)')?.textContent).toContain('alert says hi')

    api.emit(
      ev({
        type: 'node.failed',
        nodeId: 'ip',
        attempt: 1,
        code: 'HTTP_500',
        message: 'upstream down',
        durationMs: 30,
        handling: 'fail',
      }),
      ev({
        type: 'run.finished',
        status: 'failed',
        durationMs: 60,
        error: { code: 'HTTP_500', message: 'upstream down', nodeId: 'ip' },
      }),
    )
    await screen.findByRole('button', { name: 'Node gate: not run' })
    expect(screen.getByRole('region', { name: 'Run status' }).textContent).toContain(
      'HTTP_500: upstream down',
    )
    await user.click(screen.getByRole('button', { name: 'Show failed node ip' }))
    expect(store.getState().selection).toEqual(['ip'])

    api.on('POST /api/runs/r1/retry', { status: 202, body: { runId: 'r2' } })
    await user.click(await screen.findByRole('button', { name: 'Retry from this node' }))
    await waitFor(() =>
      expect(store.getState().overlay).toMatchObject({ runId: 'r2', status: 'queued', nodes: {} }),
    )
    expect(api.received.find((r) => r.path === '/api/runs/r1/retry')?.body).toEqual({ fromNode: 'ip' })
  })

  it("starts from the playbook's first sample event and offers the others", async () => {
    login(RESPONDER)
    api.on('GET /api/runs', { body: { items: [] } })
    const playbook = playbookOf({ alert: 'trigger.manual', ip: 'enrich.ip-info' }, [['alert', 'ip']])
    playbook.examples = [
      { name: 'Splunk alert', event: { search_name: 'Brute force' } },
      { name: 'Wazuh alert', event: { rule: { id: '5712' } } },
    ]
    const store = createDesignerStore({ playbook, registry })
    const user = userEvent.setup()
    render(<RunPanel store={store} playbookId="test" />)
    const box = screen.getByRole('textbox', { name: 'Trigger event (JSON)' }) as HTMLTextAreaElement
    expect(JSON.parse(box.value)).toEqual({ search_name: 'Brute force' })
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Sample event of this playbook' }),
      'Wazuh alert',
    )
    expect(JSON.parse(box.value)).toEqual({ rule: { id: '5712' } })
  })

  it('shows why pasted text is not JSON and will not run it', async () => {
    login(RESPONDER)
    api.on('GET /api/runs', { body: { items: [] } })
    const { user } = setup()
    const box = screen.getByRole('textbox', { name: 'Trigger event (JSON)' })
    await user.clear(box)
    await user.click(box)
    await user.paste('{"host": ]')
    expect(screen.getByRole('status').textContent).toBe(
      'Not valid JSON (line 1, column 10: unexpected "]"; expected a value).',
    )
    expect(box.getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByRole('button', { name: 'Run test (simulate)' })).toHaveProperty('disabled', true)
  })

  it('offers Approve and Reject in place for a waiting approval, to users who may decide', async () => {
    login(RESPONDER)
    api.on('GET /api/runs', { body: { items: [] } })
    api.on('POST /api/playbooks/test/runs', { status: 202, body: { runId: 'r3' } })
    const approval = {
      id: 'ap1',
      runId: 'r3',
      nodeId: 'gate',
      status: 'pending',
      request: { kind: 'approval', message: 'Block 203.0.113.9?' },
      decisions: [],
      required: 1,
      createdAt: 1,
      timeoutAt: null,
      decidedAt: null,
    }
    api.on('GET /api/approvals', (req) => ({
      body: req.query.get('runId') === 'r3' ? { items: [approval], count: 1 } : { items: [], count: 0 },
    }))
    api.on('POST /api/approvals/ap1', {
      body: { approval: { ...approval, status: 'approved' }, resolved: true },
    })
    const { user } = setup()
    await user.click(screen.getByRole('button', { name: 'Run test (simulate)' }))
    const ev = stamper('r3')
    api.emit(
      ev({ type: 'run.started', playbookId: 'test', mode: 'test' }),
      ev({ type: 'node.started', nodeId: 'gate', attempt: 1 }),
      ev({ type: 'node.waiting', nodeId: 'gate', wait: { kind: 'approval', message: 'Block 203.0.113.9?' } }),
      ev({ type: 'run.finished', status: 'waiting', durationMs: 5 }),
    )
    const gate = await screen.findByRole('region', { name: 'Approval gate' })
    expect(gate.textContent).toContain('Block 203.0.113.9?')
    await user.type(await within(gate).findByRole('textbox', { name: 'Comment' }), 'known bad')
    await user.click(within(gate).getByRole('button', { name: 'Approve' }))
    await within(gate).findByText('Approved: the run continues.')
    expect(api.received.find((r) => r.path === '/api/approvals/ap1')?.body).toEqual({
      decision: 'approve',
      comment: 'known bad',
    })
  })

  it('does not offer a decision to a user who may not decide', async () => {
    login(['run.read', 'run.test'])
    api.on('GET /api/runs', { body: { items: [] } })
    api.on('POST /api/playbooks/test/runs', { status: 202, body: { runId: 'r4' } })
    const { user } = setup()
    await user.click(screen.getByRole('button', { name: 'Run test (simulate)' }))
    const ev = stamper('r4')
    api.emit(
      ev({ type: 'run.started', playbookId: 'test', mode: 'test' }),
      ev({ type: 'node.waiting', nodeId: 'gate', wait: { message: 'Isolate?' } }),
    )
    const gate = await screen.findByRole('region', { name: 'Approval gate' })
    expect(within(gate).queryByRole('button', { name: 'Approve' })).toBeNull()
    expect(gate.textContent).toContain('A responder decides')
    // Who may start a test run may stop it.
    expect(screen.getByRole('button', { name: 'Cancel run' })).toBeTruthy()
  })

  it('keeps going through malformed messages and a dropped connection, and clears the canvas on close', async () => {
    login(RESPONDER)
    api.on('GET /api/runs', { body: { items: [] } })
    api.on('POST /api/playbooks/test/runs', { status: 202, body: { runId: 'r5' } })
    api.on('POST /api/runs/r5/cancel', { body: { status: 'cancelled' } })
    const { store, user, view } = setup()
    await user.click(screen.getByRole('button', { name: 'Run test (simulate)' }))
    const ev = stamper('r5')
    api.emit(ev({ type: 'run.started', playbookId: 'test', mode: 'test' }))
    api.emitRaw('r5', 1, 'id: 1\nevent: node.started\ndata: <html>oops</html>\n\n')
    await screen.findByText('1 malformed trace message was ignored.')
    await waitFor(() => expect(api.watching('r5')).toBe(1))
    api.drop('r5')
    const later = stamper('r5', 2)
    api.emit(later({ type: 'node.started', nodeId: 'alert', attempt: 1 }))
    await screen.findByRole('button', { name: 'Node alert: running' })
    await user.click(screen.getByRole('button', { name: 'Cancel run' }))
    expect(api.received.some((r) => r.path === '/api/runs/r5/cancel')).toBe(true)
    expect(store.getState().overlay?.runId).toBe('r5')
    view.unmount()
    expect(store.getState().overlay).toBeNull()
    await waitFor(() => expect(api.watching('r5')).toBe(0))
  })

  it('tells the user when the live trace is lost, and resumes it', async () => {
    login(RESPONDER)
    api.on('GET /api/runs', { body: { items: [] } })
    api.on('POST /api/playbooks/test/runs', { status: 202, body: { runId: 'r6' } })
    api.on('GET /api/runs/r6/events', { status: 503, body: { error: { code: 'UNAVAILABLE' } } })
    const { user } = setup()
    await user.click(screen.getByRole('button', { name: 'Run test (simulate)' }))
    await screen.findByText('Connection lost: reconnecting to the live trace…')
    api.off('GET /api/runs/r6/events')
    const ev = stamper('r6')
    api.emit(
      ev({ type: 'run.started', playbookId: 'test', mode: 'test' }),
      ev({ type: 'node.skipped', nodeId: 'gate', reason: 'no incoming edge is live' }),
    )
    await screen.findByRole('button', { name: 'Node gate: skipped' })
    expect(screen.queryByText('Connection lost: reconnecting to the live trace…')).toBeNull()
  })
})
