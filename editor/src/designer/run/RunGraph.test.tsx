// @vitest-environment jsdom
import { createServer } from 'node:http'
import { configure, render, screen, waitFor, within } from '@testing-library/react'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { playbookOf } from '../store/testing.ts'
import { fakeApi, pointPageAt, serveFakeApi, stamper } from './test-api.ts'

// Real HTTP on a shared two-core machine: give answers time to arrive.
configure({ asyncUtilTimeout: 5000 })

const api = fakeApi()
let served: Awaited<ReturnType<typeof serveFakeApi>>
let RunGraph: typeof import('./RunGraph.tsx').RunGraph

const playbook = playbookOf({ alert: 'trigger.manual', ip: 'enrich.ip-info', block: 'action.http' }, [
  ['alert', 'ip'],
  ['ip', 'block'],
])

const run = (id: string, steps: { nodeId: string; status: string }[]) => ({
  id,
  playbookId: 'test',
  version: 3,
  mode: 'test',
  status: 'running',
  queuedAt: 1_000_000,
  startedAt: 1_000_000,
  finishedAt: null,
  retryOfRunId: null,
  retryFromNode: null,
  createdBy: 'ann',
  trigger: {},
  steps: steps.map((s, i) => ({
    ...s,
    attempt: 1,
    logs: [],
    startedAt: 1_000_010 + i * 20,
    finishedAt: 1_000_020 + i * 20,
  })),
})

beforeAll(async () => {
  served = await serveFakeApi(api, createServer)
  pointPageAt(served.origin, '/runs/r9')
  ;({ RunGraph } = await import('./RunGraph.tsx'))
  api.on('GET /api/templates', { body: { items: [] } })
  api.on('GET /api/playbooks/test/versions/3', {
    body: { playbookId: 'test', version: 3, note: '', publishedAt: 1, publishedBy: 'bob', playbook },
  })
})
afterAll(() => served.stop())

const statusOf = (nodeId: string) => screen.getByTestId(`node-${nodeId}`).getAttribute('data-status')

describe('the run graph', () => {
  it('draws a past run on its version’s graph, with the taken edges and the steps on a timeline', async () => {
    api.on('GET /api/runs/r9', {
      body: run('r9', [
        { nodeId: 'alert', status: 'succeeded' },
        { nodeId: 'ip', status: 'failed' },
      ]),
    })
    const ev = stamper('r9')
    api.emit(
      ev({ type: 'run.started', playbookId: 'test', mode: 'test' }),
      ev({ type: 'node.started', nodeId: 'alert', attempt: 1 }),
      ev({ type: 'node.succeeded', nodeId: 'alert', attempt: 1, output: {}, ports: ['out'], durationMs: 10 }),
      ev({ type: 'node.started', nodeId: 'ip', attempt: 1 }),
      ev({
        type: 'node.failed',
        nodeId: 'ip',
        attempt: 1,
        code: 'X',
        message: 'x',
        durationMs: 10,
        handling: 'fail',
      }),
      ev({ type: 'run.finished', status: 'failed', durationMs: 40, error: { code: 'X', message: 'x' } }),
    )
    render(<RunGraph runId="r9" playbookId="test" version={3} />)
    const figure = await screen.findByRole('figure', { name: 'Run r9 on test, version 3' })
    await waitFor(() => expect(statusOf('ip')).toBe('failed'))
    expect(statusOf('alert')).toBe('succeeded')
    expect(statusOf('block')).toBeNull()
    await waitFor(() => expect(figure.querySelectorAll('.react-flow__edge.taken')).toHaveLength(1))
    expect(figure.querySelector('.react-flow__edge.taken')?.getAttribute('aria-label')).toBe(
      'alert out to ip',
    )
    const steps = await screen.findByRole('list', { name: 'Steps' })
    expect(within(steps).getByRole('button', { name: 'ip: failed, attempt 1' })).toBeTruthy()
    await waitFor(() => expect(api.watching('r9')).toBe(0))
  })

  it('follows a run that is still going, on the canvas and on the timeline', async () => {
    api.on('GET /api/runs/r10', { body: run('r10', [{ nodeId: 'alert', status: 'running' }]) })
    const ev = stamper('r10')
    api.emit(
      ev({ type: 'run.started', playbookId: 'test', mode: 'test' }),
      ev({ type: 'node.started', nodeId: 'alert', attempt: 1 }),
    )
    render(<RunGraph runId="r10" playbookId="test" version={3} />)
    await waitFor(() => expect(statusOf('alert')).toBe('running'))
    api.on('GET /api/runs/r10', {
      body: run('r10', [
        { nodeId: 'alert', status: 'succeeded' },
        { nodeId: 'ip', status: 'running' },
      ]),
    })
    api.emit(
      ev({ type: 'node.succeeded', nodeId: 'alert', attempt: 1, output: {}, ports: ['out'], durationMs: 10 }),
      ev({ type: 'node.started', nodeId: 'ip', attempt: 1 }),
    )
    await waitFor(() => expect(statusOf('ip')).toBe('running'))
    expect(statusOf('alert')).toBe('succeeded')
    await screen.findByRole('button', { name: 'ip: running, attempt 1' })
    expect(api.watching('r10')).toBe(1)
  })

  it('says so when the version cannot be loaded', async () => {
    render(<RunGraph runId="r11" playbookId="test" version={7} />)
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toMatch(/^Could not load version 7 of test: Not found: /)
  })
})
