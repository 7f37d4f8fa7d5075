import { afterEach, describe, expect, it } from 'vitest'
import { tempDatabase } from '../db/test-db.ts'
import { createSqliteAuditLog } from './sqlite-audit-log.ts'
import { testDeps } from './test-clock.ts'

let t: ReturnType<typeof tempDatabase> | undefined
afterEach(() => t?.cleanup())

describe('SqliteAuditLog', () => {
  it('appends, filters and pages newest first', async () => {
    t = tempDatabase()
    const deps = testDeps()
    const audit = createSqliteAuditLog(t.db, deps)
    for (let i = 0; i < 7; i++) {
      deps.advance(1)
      await audit.append({
        actor: i % 2 ? 'bob' : 'alice',
        action: 'playbook.save',
        target: `p${i}`,
        details: { i },
      })
    }
    const first = await audit.list({}, { limit: 3 })
    expect(first.items.map((e) => e.target)).toEqual(['p6', 'p5', 'p4'])
    const second = await audit.list({}, { cursor: first.nextCursor, limit: 3 })
    expect(second.items.map((e) => e.target)).toEqual(['p3', 'p2', 'p1'])
    expect((await audit.list({ actor: 'bob' })).items.map((e) => e.details)).toEqual([
      { i: 5 },
      { i: 3 },
      { i: 1 },
    ])
    expect((await audit.list({ from: deps.now() - 1 })).items).toHaveLength(2)
  })

  it('cannot be changed or emptied, even with raw SQL', async () => {
    t = tempDatabase()
    const audit = createSqliteAuditLog(t.db)
    await audit.append({ actor: 'alice', action: 'credential.use', target: 'vt' })
    expect(() => t!.sqlite.prepare(`UPDATE audit_log SET actor = 'x'`).run()).toThrow(/append-only/)
    expect(() => t!.sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/)
    expect((await audit.list()).items).toHaveLength(1)
  })
})
