import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDatabase } from '../db/test-db.ts'
import { createSqliteRunStore } from '../store/sqlite-run-store.ts'
import { createRunQueue } from './run-queue.ts'

let t: ReturnType<typeof tempDatabase> | undefined
afterEach(() => t?.cleanup())

const CHILD = fileURLToPath(new URL('./testing/claim-child.ts', import.meta.url))

function claimInChild(dataDir: string, workerId: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = fork(CHILD, [dataDir, workerId], { execArgv: ['--import', 'tsx'], stdio: 'pipe' })
    let out = ''
    let err = ''
    child.stdout?.on('data', (d) => {
      out += d
    })
    child.stderr?.on('data', (d) => {
      err += d
    })
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(err))))
  })
}

describe('RunQueue', () => {
  it('wakes subscribers, leases claims and completes runs', async () => {
    t = tempDatabase()
    const store = createSqliteRunStore(t.db)
    const queue = createRunQueue(store, { leaseMs: 1000 })
    let woken = 0
    const off = queue.subscribe(() => woken++)
    const run = await queue.enqueue({ playbookId: 'p', mode: 'test', trigger: {} })
    off()
    await queue.enqueue({ playbookId: 'p', mode: 'test', trigger: {} })
    expect(woken).toBe(1)
    expect((await queue.claim('w'))?.id).toBe(run.id)
    expect(await queue.renew(run.id, 'w')).toBe('held')
    await queue.complete(run.id, { status: 'failed', error: { code: 'PLAYBOOK_NOT_FOUND', message: 'gone' } })
    expect(await store.get(run.id)).toMatchObject({ status: 'failed', error: { code: 'PLAYBOOK_NOT_FOUND' } })
  })

  it('wakes a waiting run and its subscribers; a run that is not waiting wakes nobody', async () => {
    t = tempDatabase()
    const store = createSqliteRunStore(t.db)
    const queue = createRunQueue(store, { leaseMs: 1000 })
    const run = await queue.enqueue({ playbookId: 'p', mode: 'test', trigger: {} })
    let woken = 0
    queue.subscribe(() => woken++)
    expect(await queue.wake(run.id, { nodeId: 'gate', value: 1 })).toBe(false)
    expect(woken).toBe(0)
    await queue.claim('w')
    t.sqlite.prepare(`UPDATE runs SET status = 'waiting', claimed_by = NULL WHERE id = ?`).run(run.id)
    expect(await queue.wake(run.id, { nodeId: 'gate', value: { decision: 'approve' } })).toBe(true)
    expect(woken).toBe(1)
    expect(await queue.claim('w2')).toMatchObject({ id: run.id, resume: { nodeId: 'gate' } })
  })

  it('never hands one run to two workers: four processes claim from one file', async () => {
    t = tempDatabase()
    const store = createSqliteRunStore(t.db)
    const ids: string[] = []
    for (let i = 0; i < 400; i++)
      ids.push((await store.enqueue({ playbookId: 'p', mode: 'test', trigger: { i } })).id)
    const results = await Promise.all(['w1', 'w2', 'w3', 'w4'].map((w) => claimInChild(t!.dataDir, w)))
    const all = results.flat()
    expect(all.length).toBe(400)
    expect(new Set(all).size).toBe(400)
    expect(new Set(all)).toEqual(new Set(ids))
    const rows = t.sqlite
      .prepare(`SELECT count(*) FROM runs WHERE status = 'running' AND claims = 1`)
      .pluck()
      .get()
    expect(rows).toBe(400)
  }, 30_000)
})
