import { afterEach, describe, expect, it } from 'vitest'
import type { RunEvent, RunState } from '../../runtime/engine/types.ts'
import { tempDatabase } from '../db/test-db.ts'
import { MAX_STEP_LOGS } from './sqlite-run-journal.ts'
import { createSqliteRunStore } from './sqlite-run-store.ts'
import { testDeps } from './test-clock.ts'

let t: ReturnType<typeof tempDatabase> | undefined
afterEach(() => t?.cleanup())

function setup() {
  t = tempDatabase()
  const deps = testDeps()
  return { deps, store: createSqliteRunStore(t.db, deps) }
}

const ev = (runId: string, seq: number, body: Record<string, unknown>) =>
  ({ runId, seq, at: 1000 + seq, ...body }) as RunEvent

/** start → check → (true) yes | (false) no; yes → done; no → done (join any). */
function stateOf(runId: string, nodes: RunState['nodes']): RunState {
  return {
    version: 1,
    runId,
    mode: 'test',
    status: 'running',
    seq: 0,
    startedAt: 900,
    vars: {},
    trigger: {},
    nodes,
    playbook: {
      format: 'bulwark.playbook/2',
      id: 'p',
      name: 'p',
      nodes: ['start', 'check', 'yes', 'no', 'done'].map((id) => ({
        id,
        type: 'x',
        version: 1,
        params: {},
        ...(id === 'done' ? { join: 'any' as const } : {}),
      })),
      edges: [
        { from: 'start', to: 'check' },
        { from: 'check', to: 'yes', port: 'true' },
        { from: 'check', to: 'no', port: 'false' },
        { from: 'yes', to: 'done' },
        { from: 'no', to: 'done' },
      ],
    },
  } as RunState
}

const ok = (runId: string, seq: number, nodeId: string, output: unknown, ports = ['out']) =>
  ev(runId, seq, { type: 'node.succeeded', nodeId, attempt: 1, output, ports, durationMs: 1 })

describe('run steps', () => {
  it('fill each step input from the live upstream outputs as stored (truncated, redacted)', async () => {
    const { store } = setup()
    const { id } = await store.enqueue({ playbookId: 'p', mode: 'test', trigger: {} })
    await store.claim('w', 1000)
    const s = stateOf(id, {
      start: { status: 'succeeded', attempt: 1, output: { alert: 1 }, ports: ['out'] },
      check: { status: 'running', attempt: 1 },
    })
    await store.record(id, {
      events: [
        ev(id, 0, { type: 'node.started', nodeId: 'start', attempt: 1 }),
        ok(id, 1, 'start', { alert: 1 }),
        ev(id, 2, { type: 'node.started', nodeId: 'check', attempt: 1 }),
      ],
      state: s,
    })
    // The checkpoint holds the raw output; the step input takes the event's (here: a redacted one).
    s.nodes.check = { status: 'succeeded', attempt: 1, output: { key: 'hunter2' }, ports: ['true'] }
    s.nodes.yes = { status: 'running', attempt: 1 }
    await store.record(id, {
      events: [
        ok(id, 3, 'check', { key: '[REDACTED]' }, ['true']),
        ev(id, 4, { type: 'node.started', nodeId: 'yes', attempt: 1 }),
        ok(id, 5, 'yes', 'y'),
        ev(id, 6, { type: 'node.skipped', nodeId: 'no', reason: 'dead' }),
        ev(id, 7, { type: 'node.started', nodeId: 'done', attempt: 1 }),
      ],
      state: {
        ...s,
        nodes: {
          ...s.nodes,
          yes: { status: 'succeeded', attempt: 1, output: 'y', ports: ['out'] },
          no: { status: 'skipped', attempt: 0 },
          done: { status: 'running', attempt: 1 },
        },
      },
    })
    const steps = Object.fromEntries((await store.get(id))!.steps.map((st) => [st.nodeId, st]))
    expect(steps.start?.input).toEqual({})
    expect(steps.check?.input).toEqual({ start: { alert: 1 } })
    expect(steps.yes?.input).toEqual({ check: { key: '[REDACTED]' } })
    expect(steps.no?.input).toBeUndefined()
    expect(steps.done?.input).toEqual({ yes: 'y' })
    expect(
      t!.sqlite.prepare('SELECT count(*) FROM run_steps WHERE input_json LIKE ?').pluck().get('%hunter2%'),
    ).toBe(0)
  })

  it(`keep ${MAX_STEP_LOGS} log entries per step, then count the rest in one marker`, async () => {
    const { store } = setup()
    const { id } = await store.enqueue({ playbookId: 'p', mode: 'test', trigger: {} })
    await store.claim('w', 1000)
    const logs: RunEvent[] = [ev(id, 0, { type: 'node.started', nodeId: 'noisy', attempt: 1 })]
    for (let i = 1; i <= 5000; i++)
      logs.push(ev(id, i, { type: 'node.log', nodeId: 'noisy', level: 'info', message: `line ${i}` }))
    const started = performance.now()
    for (let i = 0; i < logs.length; i += 500) await store.record(id, { events: logs.slice(i, i + 500) })
    const ms = performance.now() - started
    await store.record(id, { events: [ok(id, 5001, 'noisy', null)] })
    const step = (await store.get(id))!.steps[0]!
    expect(step.logs).toHaveLength(MAX_STEP_LOGS + 1)
    expect(step.logs[0]).toMatchObject({ message: 'line 1' })
    expect(step.logs[MAX_STEP_LOGS - 1]).toMatchObject({ message: `line ${MAX_STEP_LOGS}` })
    expect(step.logs.at(-1)).toMatchObject({
      level: 'warn',
      message: `${5000 - MAX_STEP_LOGS} more lines dropped`,
      dropped: 5000 - MAX_STEP_LOGS,
    })
    expect(ms).toBeLessThan(5000)
  })
})
