import { afterEach, describe, expect, it } from 'vitest'
import type { RunEvent, RunState } from '../../runtime/engine/types.ts'
import { tempDatabase } from '../db/test-db.ts'
import { StoreError } from './errors.ts'
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

const state = (runId: string, status: RunState['status'], seq: number) =>
  ({
    version: 1,
    runId,
    mode: 'test',
    status,
    seq,
    startedAt: 900,
    nodes: {},
    vars: {},
    trigger: {},
  }) as unknown as RunState

describe('SqliteRunStore', () => {
  it('queues FIFO and claims each run once with a lease', async () => {
    const { store, deps } = setup()
    const a = await store.enqueue({ playbookId: 'p', mode: 'test', trigger: { n: 1 } })
    deps.advance(1)
    const b = await store.enqueue({ playbookId: 'p', mode: 'production', version: 2, trigger: { n: 2 } })
    const first = await store.claim('w1', 30_000)
    expect(first).toMatchObject({
      id: a.id,
      status: 'running',
      claimedBy: 'w1',
      claims: 1,
      trigger: { n: 1 },
    })
    expect(first?.claimedUntil).toBe(deps.now() + 30_000)
    expect((await store.claim('w2', 30_000))?.id).toBe(b.id)
    expect(await store.claim('w3', 30_000)).toBeUndefined()
    expect(await store.renewLease(a.id, 'w1', 60_000)).toBe('held')
    expect(await store.renewLease(a.id, 'w2', 60_000)).toBe('lost')
  })

  it('records events, derived steps and the checkpoint in one batch', async () => {
    const { store } = setup()
    const { id } = await store.enqueue({ playbookId: 'p', mode: 'test', trigger: {} })
    await store.claim('w', 1000)
    await store.record(id, {
      events: [
        ev(id, 0, { type: 'run.started', playbookId: 'p', mode: 'test' }),
        ev(id, 1, { type: 'node.started', nodeId: 'a', attempt: 1 }),
        ev(id, 2, {
          type: 'node.retrying',
          nodeId: 'a',
          attempt: 1,
          delayMs: 5,
          code: 'HTTP_503',
          message: 'x',
        }),
        ev(id, 3, { type: 'node.started', nodeId: 'a', attempt: 2 }),
        ev(id, 4, { type: 'node.log', nodeId: 'a', level: 'info', message: 'hello' }),
        ev(id, 5, {
          type: 'node.succeeded',
          nodeId: 'a',
          attempt: 2,
          output: { ok: 1 },
          ports: ['out'],
          durationMs: 2,
        }),
        ev(id, 6, { type: 'node.skipped', nodeId: 'b', reason: 'dead' }),
        ev(id, 7, { type: 'node.started', nodeId: 'gate', attempt: 1 }),
        ev(id, 8, { type: 'node.waiting', nodeId: 'gate', wait: { kind: 'approval' } }),
      ],
      state: state(id, 'waiting', 9),
    })
    const run = await store.get(id)
    expect(run).toMatchObject({ status: 'waiting', claimedBy: null, state: { seq: 9, status: 'waiting' } })
    expect(run?.steps.map((s) => [s.nodeId, s.attempt, s.status])).toEqual([
      ['a', 1, 'failed'],
      ['a', 2, 'succeeded'],
      ['b', 0, 'skipped'],
      ['gate', 1, 'waiting'],
    ])
    expect(run?.steps[0]?.error).toEqual({ code: 'HTTP_503', message: 'x' })
    expect(run?.steps[1]).toMatchObject({ output: { ok: 1 }, startedAt: 1003, finishedAt: 1005 })
    expect(run?.steps[1]?.logs).toEqual([{ level: 'info', message: 'hello', at: 1004 }])
  })

  it('rolls back the whole batch when one part fails', async () => {
    const { store } = setup()
    const { id } = await store.enqueue({ playbookId: 'p', mode: 'test', trigger: {} })
    const started = ev(id, 0, { type: 'run.started', playbookId: 'p', mode: 'test' })
    await store.record(id, { events: [started] })
    await expect(
      store.record(id, { events: [ev(id, 1, { type: 'node.started', nodeId: 'a', attempt: 1 }), started] }),
    ).rejects.toThrow(/UNIQUE/)
    expect((await store.get(id))?.steps).toEqual([])
  })

  it('wakes a waiting run with a decision and finishes it', async () => {
    const { store } = setup()
    const { id } = await store.enqueue({ playbookId: 'p', mode: 'test', trigger: {} })
    await store.claim('w', 1000)
    expect(await store.wake(id, { nodeId: 'gate', value: true })).toBe(false)
    await store.record(id, { events: [], state: state(id, 'waiting', 3) })
    expect(await store.wake(id, { nodeId: 'gate', value: { approved: true } })).toBe(true)
    const again = await store.claim('w2', 1000)
    expect(again).toMatchObject({ id, claims: 2, resume: { nodeId: 'gate', value: { approved: true } } })
    await store.record(id, {
      events: [],
      state: state(id, 'failed', 5),
      finish: { status: 'failed', error: { code: 'BOOM', message: 'no' }, at: 5000 },
    })
    expect(await store.get(id)).toMatchObject({
      status: 'failed',
      finishedAt: 5000,
      error: { code: 'BOOM', message: 'no' },
      claimedBy: null,
    })
    expect((await store.get(id))?.resume).toBeUndefined()
  })

  it('paginates newest first with an opaque cursor, correct over ties in queued_at', async () => {
    const { store, deps } = setup()
    const ids: string[] = []
    for (let i = 0; i < 23; i++) {
      if (i % 5 === 0) deps.advance(1000) // groups of five runs share one queued_at
      ids.push((await store.enqueue({ playbookId: i % 2 ? 'odd' : 'even', mode: 'test', trigger: {} })).id)
    }
    const seen: string[] = []
    let cursor: string | undefined
    do {
      const page = await store.list({}, { cursor, limit: 4 })
      seen.push(...page.items.map((r) => r.id))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toEqual([...ids].reverse())
    const odd = await store.list({ playbookId: 'odd', status: ['queued'], mode: 'test' }, { limit: 100 })
    expect(odd.items).toHaveLength(11)
    expect(odd.nextCursor).toBeUndefined()
    const from = deps.now()
    expect((await store.list({ from })).items).toHaveLength(3)
    expect((await store.list({ to: from })).items).toHaveLength(20)
    await expect(store.list({}, { cursor: 'nonsense' })).rejects.toBeInstanceOf(StoreError)
  })

  it('requeues running runs whose lease expired; waiting and fresh leases stay', async () => {
    const { store, deps } = setup()
    const a = await store.enqueue({ playbookId: 'p', mode: 'test', trigger: {} })
    const b = await store.enqueue({ playbookId: 'p', mode: 'test', trigger: {} })
    const c = await store.enqueue({ playbookId: 'p', mode: 'test', trigger: {} })
    await store.claim('w', 1000)
    await store.claim('w', 5000)
    await store.claim('w', 5000)
    await store.record(c.id, { events: [], state: state(c.id, 'waiting', 1) })
    deps.advance(2000)
    expect(await store.requeueStale(deps.now())).toEqual([a.id])
    expect(await store.requeueStale(deps.now(), { ignoreLeases: true })).toEqual([b.id])
    expect(await store.countByStatus()).toEqual({ queued: 2, waiting: 1 })
  })

  it('cancels idle runs and prunes finished ones by age and count', async () => {
    const { store, deps } = setup()
    const made = []
    for (let i = 0; i < 5; i++) {
      deps.advance(10)
      made.push(await store.enqueue({ playbookId: 'p', mode: 'test', trigger: {} }))
    }
    for (const r of made.slice(0, 4)) expect(await store.cancelIdle(r.id, deps.now())).toBe(true)
    expect(await store.cancelIdle(made[0]!.id, deps.now())).toBe(false)
    expect(await store.prune({ before: made[1]!.queuedAt })).toBe(1)
    expect(await store.prune({ keep: 1 })).toBe(2)
    expect((await store.list()).items.map((r) => r.id)).toEqual([made[4]!.id, made[3]!.id])
  })
})
