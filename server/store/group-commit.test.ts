import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDatabase } from '../db/test-db.ts'
import { createGroupCommit, groupCommit } from './group-commit.ts'

let t: ReturnType<typeof tempDatabase> | undefined
afterEach(() => t?.cleanup())

function setup() {
  t = tempDatabase()
  t.sqlite.exec('CREATE TABLE items (n INTEGER PRIMARY KEY)')
  const insert = t.sqlite.prepare('INSERT INTO items (n) VALUES (?)')
  const count = () => (t!.sqlite.prepare('SELECT count(*) AS n FROM items').get() as { n: number }).n
  return { sqlite: t.sqlite, insert, count }
}

describe('createGroupCommit', () => {
  it('commits the writes of one tick in one transaction, in order, and acknowledges after the commit', async () => {
    const { sqlite, insert, count } = setup()
    const writes = createGroupCommit(sqlite)
    const seen: boolean[] = []
    const a = writes.submit(() => {
      seen.push(sqlite.inTransaction)
      return insert.run(1).changes
    })
    const b = writes.submit(() => count())
    expect(count()).toBe(0) // nothing runs before the tick ends
    expect(await Promise.all([a, b])).toEqual([1, 1])
    expect(seen).toEqual([true])
    // Another connection sees it: acknowledged means committed.
    const other = new Database(sqlite.name, { readonly: true })
    expect(other.prepare('SELECT count(*) AS n FROM items').get()).toEqual({ n: 1 })
    other.close()
  })

  it('undoes and rejects only the write that failed', async () => {
    const { sqlite, insert, count } = setup()
    const writes = createGroupCommit(sqlite)
    const ok = writes.submit(() => insert.run(1))
    const bad = writes.submit(() => {
      insert.run(2)
      insert.run(1) // duplicate key: this write's first row goes too
    })
    const after = writes.submit(() => insert.run(3))
    await expect(bad).rejects.toThrow(/UNIQUE/)
    await ok
    await after
    expect(count()).toBe(2)
    expect(sqlite.prepare('SELECT n FROM items ORDER BY n').pluck().all()).toEqual([1, 3])
  })

  it('rejects everything when the commit itself fails', async () => {
    const { sqlite, insert } = setup()
    const writes = createGroupCommit(sqlite)
    const pending = [writes.submit(() => insert.run(1)), writes.submit(() => insert.run(2))]
    sqlite.close()
    for (const p of pending) await expect(p).rejects.toThrow()
  })

  it('holds commits until released, then commits what queued meanwhile in order', async () => {
    const { sqlite, insert, count } = setup()
    const writes = createGroupCommit(sqlite)
    const release = writes.hold()
    const first = writes.submit(() => insert.run(1))
    const second = writes.submit(() => insert.run(2))
    let settled = false
    void Promise.all([first, second]).then(() => {
      settled = true
    })
    await new Promise((r) => setTimeout(r, 20))
    expect(settled).toBe(false)
    expect(count()).toBe(0)
    release()
    release() // idempotent: a second call releases nothing more
    await Promise.all([first, second])
    expect(sqlite.prepare('SELECT n FROM items ORDER BY rowid').pluck().all()).toEqual([1, 2])
  })

  it('commits only when every nested hold is released; flush commits regardless', async () => {
    const { insert, count, sqlite } = setup()
    const writes = createGroupCommit(sqlite)
    const a = writes.hold()
    const b = writes.hold()
    const w = writes.submit(() => insert.run(1))
    a()
    await new Promise((r) => setTimeout(r, 20))
    expect(count()).toBe(0)
    writes.flush()
    await w
    expect(count()).toBe(1)
    b()
  })

  it('is one per connection', () => {
    const { sqlite } = setup()
    expect(groupCommit(sqlite)).toBe(groupCommit(sqlite))
  })
})
