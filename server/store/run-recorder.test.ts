import { afterEach, describe, expect, it } from 'vitest'
import { createEngine } from '../../runtime/engine/engine.ts'
import { e, n, pb, testNodes } from '../../runtime/engine/test-nodes.ts'
import type { RunEvent } from '../../runtime/engine/types.ts'
import { tempDatabase } from '../db/test-db.ts'
import { createRunRecorder } from './run-recorder.ts'
import type { RunBatch, RunStore } from './run-store.ts'
import { createSqliteEventStore } from './sqlite-event-store.ts'
import { createSqliteRunStore } from './sqlite-run-store.ts'

let t: ReturnType<typeof tempDatabase> | undefined
afterEach(() => t?.cleanup())

describe('RunRecorder', () => {
  it('persists every event, the steps and the end in a few batches', async () => {
    t = tempDatabase()
    const store = createSqliteRunStore(t.db)
    const batches: RunBatch[] = []
    const counting: Pick<RunStore, 'record'> = {
      record: (runId, batch) => {
        batches.push(batch)
        return store.record(runId, batch)
      },
    }
    const nodes = testNodes()
    const chain = Array.from({ length: 20 }, (_, i) => n(`n${i}`, i % 5 === 4 ? 'sleep' : 'noop', { ms: 1 }))
    const playbook = pb(
      chain,
      chain.slice(1).map((node, i) => e(`n${i}`, node.id)),
    )
    const { id } = await store.enqueue({ playbookId: 'test-pb', mode: 'test', trigger: {} })
    await store.claim('w', 10_000)
    const emitted: RunEvent[] = []
    const rec = createRunRecorder(counting, id)
    const result = await createEngine({ registry: nodes.registry }).start(playbook, {
      runId: id,
      mode: 'test',
      onEvent: (ev) => {
        emitted.push(ev)
        rec.onEvent(ev)
      },
      onCheckpoint: rec.onCheckpoint,
    })
    await rec.finish(result, 123)
    expect(result.status).toBe('succeeded')
    const stored = await createSqliteEventStore(t.db).list(id)
    expect(stored.map((ev) => ev.seq)).toEqual(emitted.map((ev) => ev.seq))
    expect(JSON.parse(JSON.stringify(emitted))).toEqual(stored)
    expect(batches.length).toBeLessThan(emitted.length / 3)
    const run = await store.get(id)
    expect(run).toMatchObject({ status: 'succeeded', finishedAt: 123, state: { seq: emitted.length } })
    expect(run?.steps.filter((s) => s.status === 'succeeded')).toHaveLength(20)
    expect((await createSqliteEventStore(t.db).list(id, { afterSeq: 40 })).map((ev) => ev.seq)[0]).toBe(41)
  })

  it('flushes at maxEvents and reports a failed write at finish', async () => {
    const writes: number[] = []
    const failing: Pick<RunStore, 'record'> = {
      record: async (_id, batch) => {
        writes.push(batch.events.length)
        if (writes.length === 2) throw new Error('disk full')
      },
    }
    const rec = createRunRecorder(failing, 'r', { maxEvents: 3, schedule: () => {} })
    for (let seq = 0; seq < 7; seq++)
      rec.onEvent({ runId: 'r', seq, at: 0, type: 'node.cancelled', nodeId: 'a' })
    expect(writes).toEqual([3, 3])
    await expect(rec.flush()).rejects.toThrow('disk full')
    await expect(rec.finish({ status: 'succeeded', state: {} as never }, 1)).rejects.toThrow('disk full')
  })
})

describe('RunRecorder.onPersisted', () => {
  it('hands over events only after the store has them, so a replay never misses a published event', async () => {
    t = tempDatabase()
    const store = createSqliteRunStore(t.db)
    const events = createSqliteEventStore(t.db)
    const { id: runId } = await store.enqueue({
      playbookId: 'p',
      mode: 'test',
      trigger: {},
      createdBy: 'test',
    })
    const seenInStore: number[][] = []
    const recorder = createRunRecorder(store, runId, {
      onPersisted: (batch) => {
        // At this moment every event of the batch must already be readable by an SSE replay.
        void events.list(runId, { afterSeq: -1 }).then((stored) => {
          seenInStore.push(batch.map((ev) => (stored.some((s) => s.seq === ev.seq) ? 1 : 0)))
        })
      },
    })
    const nodes = testNodes()
    const result = await createEngine({ registry: nodes.registry }).start(
      pb([n('a'), n('b')], [e('a', 'b')]),
      {
        runId,
        mode: 'test',
        onEvent: recorder.onEvent,
        onCheckpoint: recorder.onCheckpoint,
      },
    )
    await recorder.finish(result, Date.now())
    await new Promise((r) => setTimeout(r, 20))
    expect(seenInStore.length).toBeGreaterThan(0)
    expect(seenInStore.flat().every((x) => x === 1)).toBe(true)
  })
})
