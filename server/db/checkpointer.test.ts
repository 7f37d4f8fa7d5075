import { statSync } from 'node:fs'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { groupCommit } from '../store/group-commit.ts'
import { startCheckpointer } from './checkpointer.ts'
import { tempDatabase } from './test-db.ts'

let t: ReturnType<typeof tempDatabase> | undefined
afterEach(() => t?.cleanup())

const until = async (cond: () => boolean, ms = 5000) => {
  const end = Date.now() + ms
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 10))
  }
}

/** A table of 4 KB blobs written through the group commit, checkpointed every 5 ms with holds. */
async function heldCheckpointer(opts: { restartAtFrames: number; holdMaxMs?: number }) {
  t = tempDatabase()
  const { sqlite } = t
  sqlite.exec('CREATE TABLE blobs (n INTEGER PRIMARY KEY, b BLOB)')
  const writes = groupCommit(sqlite)
  const checkpointer = startCheckpointer(sqlite, { everyMs: 5, ...opts, hold: () => writes.hold() })
  await checkpointer.ready
  const insert = sqlite.prepare('INSERT INTO blobs (n, b) VALUES (?, randomblob(4000))')
  return { sqlite, writes, checkpointer, insert }
}

describe('startCheckpointer', () => {
  it('checkpoints the WAL on its own thread while the connection no longer does', async () => {
    t = tempDatabase()
    const { sqlite } = t
    const checkpointer = startCheckpointer(sqlite, { everyMs: 10 })
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0)
    sqlite.exec('CREATE TABLE blobs (b BLOB)')
    const before = statSync(sqlite.name).size
    const insert = sqlite.prepare('INSERT INTO blobs (b) VALUES (randomblob(4000))')
    for (let i = 0; i < 300; i++) insert.run()
    // The pages reach the database file without this connection checkpointing.
    await until(() => statSync(sqlite.name).size > before + 300 * 4000)
    await checkpointer.stop()
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000)
  })

  // Without the hold the WAL restarts only when the writes pause, so writes that never pause grew it
  // without bound (1.4 GB in a minute of webhook load); with it, it stays near the restart size.
  it('keeps the WAL bounded under writes that never pause, and loses none of them', async () => {
    const { sqlite, writes, checkpointer, insert } = await heldCheckpointer({ restartAtFrames: 64 })
    const wal = `${sqlite.name}-wal`
    let n = 0
    let largest = 0
    const end = Date.now() + 1500
    while (Date.now() < end) {
      // Ten writers keep a commit pending at every tick.
      await Promise.all(Array.from({ length: 10 }, () => writes.submit(() => insert.run(++n))))
      largest = Math.max(largest, statSync(wal).size)
    }
    await checkpointer.stop()
    expect(n).toBeGreaterThan(8000) // over 32 MB went through the log (about 300 MB on a quiet machine)
    expect(sqlite.prepare('SELECT count(*) FROM blobs').pluck().get()).toBe(n)
    expect(largest).toBeLessThan(16 * 1024 * 1024)
  })

  it('lets the writes go on when a reader keeps the log from being copied', async () => {
    const { sqlite, writes, checkpointer, insert } = await heldCheckpointer({
      restartAtFrames: 16,
      holdMaxMs: 50,
    })
    for (let i = 1; i <= 50; i++) insert.run(i)
    // A reader's open snapshot keeps the frames after it from being copied while it lasts.
    const reader = new Database(sqlite.name, { readonly: true })
    reader.exec('BEGIN')
    reader.prepare('SELECT count(*) FROM blobs').get()
    let n = 50
    let slowest = 0
    const end = Date.now() + 800
    while (Date.now() < end) {
      const started = Date.now()
      await writes.submit(() => insert.run(++n))
      slowest = Math.max(slowest, Date.now() - started)
    }
    reader.exec('COMMIT')
    reader.close()
    await checkpointer.stop()
    expect(sqlite.prepare('SELECT count(*) FROM blobs').pluck().get()).toBe(n)
    expect(n).toBeGreaterThan(100)
    // Each hold gives up after holdMaxMs (50 ms), with margin for a loaded machine.
    expect(slowest).toBeLessThan(400)
  })
})
