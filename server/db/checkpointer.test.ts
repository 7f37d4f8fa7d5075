import { statSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
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
})
