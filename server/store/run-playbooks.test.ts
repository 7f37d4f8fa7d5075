import { afterEach, describe, expect, it } from 'vitest'
import type { RunState } from '../../runtime/engine/types.ts'
import type { Playbook } from '../../runtime/format/schema.ts'
import { tempDatabase } from '../db/test-db.ts'
import { createSqliteRunStore } from './sqlite-run-store.ts'
import { testDeps } from './test-clock.ts'

let t: ReturnType<typeof tempDatabase> | undefined
afterEach(() => t?.cleanup())

const playbook = (name: string) =>
  ({
    format: 'bulwark.playbook/2',
    id: 'triage',
    name,
    nodes: [{ id: 'start', type: 'trigger.manual', version: 1, params: {} }],
    edges: [],
  }) as unknown as Playbook

const stateOf = (runId: string, doc: Playbook, seq = 3) =>
  ({
    version: 1,
    runId,
    mode: 'production',
    playbook: doc,
    status: 'running',
    seq,
    startedAt: 900,
    nodes: { start: { status: 'succeeded', attempt: 1, output: { n: 1 } } },
    vars: {},
    trigger: {},
  }) as unknown as RunState

function setup() {
  t = tempDatabase()
  const deps = testDeps()
  const store = createSqliteRunStore(t.db, deps)
  const sql = t.sqlite
  const start = async (doc: Playbook) => {
    const { id } = await store.enqueue({ playbookId: 'triage', mode: 'production', version: 1, trigger: {} })
    await store.claim('w', 30_000)
    await store.record(id, { events: [], state: stateOf(id, doc) })
    return id
  }
  return { store, sql, deps, start }
}

describe('run playbooks stored apart from checkpoints', () => {
  it('stores each playbook once, keeps it out of the checkpoints, and gives it back on reading a run', async () => {
    const { store, sql, start } = setup()
    const doc = playbook('Triage')
    const a = await start(doc)
    const b = await start(doc)
    await store.record(a, { events: [], state: stateOf(a, doc, 4) })

    expect(sql.prepare('SELECT count(*) FROM run_playbooks').pluck().get()).toBe(1)
    for (const id of [a, b]) {
      const row = sql.prepare('SELECT state_json, playbook_hash FROM runs WHERE id = ?').get(id) as {
        state_json: string
        playbook_hash: string
      }
      expect(JSON.parse(row.state_json).playbook).toBeUndefined()
      expect(row.playbook_hash).toMatch(/^[\w-]{43}$/)
      const run = await store.get(id)
      expect(run?.state?.playbook).toEqual(doc)
      expect(run?.state?.nodes.start?.output).toEqual({ n: 1 })
    }
    // What a recovering worker claims has its playbook too.
    await store.requeueStale(Number.MAX_SAFE_INTEGER, { ignoreLeases: true })
    expect((await store.claim('w2', 30_000))?.state?.playbook).toEqual(doc)
  })

  it('reads checkpoints written before, with the playbook inline', async () => {
    const { store, sql } = setup()
    const { id } = await store.enqueue({ playbookId: 'triage', mode: 'test', trigger: {} })
    const doc = playbook('Old')
    sql.prepare('UPDATE runs SET state_json = ? WHERE id = ?').run(JSON.stringify(stateOf(id, doc)), id)
    expect((await store.get(id))?.state?.playbook).toEqual(doc)
  })

  it('refuses to hand out a run whose stored playbook is missing, naming the run', async () => {
    const { store, sql, start } = setup()
    const id = await start(playbook('Gone'))
    sql.exec('DELETE FROM run_playbooks')
    await expect(store.get(id)).rejects.toThrow(`run ${id}: its playbook`)
  })

  it('ends a run it cannot read when claiming it, with the reason, and claims the next one', async () => {
    const { store, sql, start } = setup()
    const lost = await start(playbook('Gone'))
    const damaged = await start(playbook('Damaged'))
    sql
      .prepare('DELETE FROM run_playbooks WHERE hash = (SELECT playbook_hash FROM runs WHERE id = ?)')
      .run(lost)
    sql.prepare(`UPDATE runs SET state_json = '{"version":1,' WHERE id = ?`).run(damaged)
    const { id: good } = await store.enqueue({ playbookId: 'triage', mode: 'test', trigger: {} })
    await store.requeueStale(Number.MAX_SAFE_INTEGER, { ignoreLeases: true })

    expect((await store.claim('w2', 30_000))?.id).toBe(good)
    expect(await store.claim('w2', 30_000)).toBeUndefined()
    for (const id of [lost, damaged]) {
      const row = sql.prepare('SELECT status, error_code, error_message FROM runs WHERE id = ?').get(id) as {
        status: string
        error_code: string
        error_message: string
      }
      expect(row).toMatchObject({ status: 'failed', error_code: 'RUN_UNREADABLE' })
      expect(row.error_message).toContain(`the stored state of run ${id} cannot be read`)
      const last = sql
        .prepare('SELECT type FROM run_events WHERE run_id = ? ORDER BY seq DESC')
        .pluck()
        .get(id)
      expect(last).toBe('run.finished')
    }
  })

  it('retention deletes the playbooks only deleted runs named', async () => {
    const { store, sql, start, deps } = setup()
    const oldDoc = playbook('Old version')
    const newDoc = playbook('New version')
    const old = await start(oldDoc)
    await store.record(old, { events: [], finish: { status: 'succeeded', at: deps.now() } })
    deps.advance(10_000)
    const kept = await start(newDoc)
    await store.record(kept, { events: [], finish: { status: 'succeeded', at: deps.now() } })
    expect(sql.prepare('SELECT count(*) FROM run_playbooks').pluck().get()).toBe(2)

    expect(await store.prune({ keep: 1 })).toBe(1)
    expect(sql.prepare('SELECT count(*) FROM run_playbooks').pluck().get()).toBe(1)
    expect((await store.get(kept))?.state?.playbook).toEqual(newDoc)
  })
})
