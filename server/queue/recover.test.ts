import { afterEach, describe, expect, it } from 'vitest'
import { createEngine } from '../../runtime/engine/engine.ts'
import { e, n, pb, testNodes } from '../../runtime/engine/test-nodes.ts'
import { tempDatabase } from '../db/test-db.ts'
import { createRunRecorder } from '../store/run-recorder.ts'
import { createSqliteRunStore } from '../store/sqlite-run-store.ts'
import { recoverRuns } from './recover.ts'

let t: ReturnType<typeof tempDatabase> | undefined
afterEach(() => t?.cleanup())

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 500 && !cond(); i++) await new Promise((r) => setTimeout(r, 2))
  if (!cond()) throw new Error('timed out')
}

describe('recoverRuns', () => {
  it('after a crash, a running run resumes from its checkpoint; an in-flight side effect is not repeated', async () => {
    t = tempDatabase()
    const nodes = testNodes()
    const playbook = pb(
      [n('a'), n('x', 'side', { ms: 60_000 }), n('after')],
      [e('a', 'x'), e('x', 'after')],
      {
        id: 'crashy',
      },
    )
    const gate = pb([n('gate', 'approve')], [], { id: 'gated' })
    const engine = createEngine({ registry: nodes.registry })
    let runs = createSqliteRunStore(t.db)

    // A waiting run, which recovery must leave alone.
    const waiting = await runs.enqueue({ playbookId: 'gated', mode: 'production', trigger: {} })
    await runs.claim('w1', 10)
    const wrec = createRunRecorder(runs, waiting.id)
    const wres = await engine.start(gate, {
      runId: waiting.id,
      onEvent: wrec.onEvent,
      onCheckpoint: wrec.onCheckpoint,
    })
    await wrec.finish(wres, Date.now())

    // The crashing run: persisted while `x` (side-effecting) is in flight, then the process "dies".
    const { id } = await runs.enqueue({ playbookId: 'crashy', mode: 'production', trigger: { alert: 1 } })
    const claimed = await runs.claim('w1', 10)
    expect(claimed?.state).toBeUndefined()
    const rec = createRunRecorder(runs, id)
    const crash = new AbortController()
    let alive = true
    void engine.start(playbook, {
      runId: id,
      signal: crash.signal,
      onEvent: (ev) => alive && rec.onEvent(ev),
      onCheckpoint: (s) => alive && rec.onCheckpoint(s),
    })
    await until(() => nodes.calls.includes('side:x'))
    await rec.flush()
    alive = false
    crash.abort()
    t.close()

    // Restart: reopen the file, recover, claim, continue with the engine.
    runs = createSqliteRunStore(t.reopen().db)
    const report = await recoverRuns(runs, { now: Date.now() + 1000 })
    expect(report).toEqual({ requeued: [id], queued: 1, waiting: 1 })
    const again = await runs.claim('w2', 30_000)
    expect(again).toMatchObject({ id, claims: 2, trigger: { alert: 1 } })
    expect(again?.state?.nodes.x?.status).toBe('running')
    const rec2 = createRunRecorder(runs, id)
    const result = await engine.recover(again!.state!, {
      onEvent: rec2.onEvent,
      onCheckpoint: rec2.onCheckpoint,
    })
    await rec2.finish(result, Date.now())

    expect(nodes.calls.filter((c) => c === 'side:x')).toHaveLength(1)
    const run = await runs.get(id)
    expect(run?.status).toBe(result.status)
    expect(run?.steps.find((s) => s.nodeId === 'x')?.error).toMatchObject({ code: 'INTERRUPTED' })
    expect((await runs.get(waiting.id))?.status).toBe('waiting')
  })
})
