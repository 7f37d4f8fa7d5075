import { afterEach, describe, expect, it } from 'vitest'
import { tempDatabase } from './test-db.ts'

let t: ReturnType<typeof tempDatabase> | undefined
afterEach(() => {
  t?.cleanup()
  t = undefined
})

const insertAudit = (sqlite: ReturnType<typeof tempDatabase>['sqlite']) =>
  sqlite.prepare(`INSERT INTO audit_log (at, actor, action) VALUES (1, 'alice', 'login')`).run()

describe('openDatabase', () => {
  it('creates the file with WAL, foreign keys, busy timeout and every table', () => {
    t = tempDatabase()
    expect(t.path.endsWith('bulwark.db')).toBe(true)
    expect(t.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(t.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(t.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000)
    expect(t.sqlite.pragma('synchronous', { simple: true })).toBe(1)
    const tables = t.sqlite
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
      .pluck()
      .all()
    expect(tables).toEqual(
      expect.arrayContaining(['users', 'runs', 'run_events', 'audit_log', 'templates', 'schedule_fires']),
    )
  })

  it('applies migrations once: reopening keeps the data', () => {
    t = tempDatabase()
    insertAudit(t.sqlite)
    t.close()
    const again = t.reopen()
    expect(again.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(1)
  })

  it('the audit log is append-only: UPDATE and DELETE raise', () => {
    t = tempDatabase()
    insertAudit(t.sqlite)
    expect(() => t!.sqlite.prepare(`UPDATE audit_log SET actor = 'mallory'`).run()).toThrow(/append-only/)
    expect(() => t!.sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/)
    expect(t.sqlite.prepare('SELECT actor FROM audit_log').pluck().get()).toBe('alice')
  })

  it('published playbook versions and template content cannot change; deprecation can', () => {
    t = tempDatabase()
    const s = t.sqlite
    s.prepare(
      `INSERT INTO playbooks (id, name, draft_json, created_at, updated_at) VALUES ('p', 'P', '{}', 1, 1)`,
    ).run()
    s.prepare(
      `INSERT INTO playbook_versions (playbook_id, version, json, published_at) VALUES ('p', 1, '{}', 1)`,
    ).run()
    expect(() => s.prepare(`UPDATE playbook_versions SET json = '{"x":1}'`).run()).toThrow(/immutable/)
    expect(() => s.prepare('DELETE FROM playbook_versions').run()).toThrow(/immutable/)
    s.prepare(`INSERT INTO templates (id, version, json, published_at) VALUES ('a.b', 1, '{}', 1)`).run()
    expect(() => s.prepare(`UPDATE templates SET json = '{"x":1}'`).run()).toThrow(/immutable/)
    s.prepare('UPDATE templates SET deprecated_at = 5').run()
    expect(s.prepare('SELECT deprecated_at FROM templates').pluck().get()).toBe(5)
  })

  it('foreign keys cascade run data', () => {
    t = tempDatabase()
    const s = t.sqlite
    s.prepare(
      `INSERT INTO runs (id, playbook_id, mode, status, trigger_json, queued_at) VALUES ('r', 'p', 'test', 'queued', '{}', 1)`,
    ).run()
    s.prepare(
      `INSERT INTO run_events (run_id, seq, type, at, json) VALUES ('r', 0, 'run.started', 1, '{}')`,
    ).run()
    expect(() =>
      s
        .prepare(`INSERT INTO run_events (run_id, seq, type, at, json) VALUES ('nope', 0, 'x', 1, '{}')`)
        .run(),
    ).toThrow(/FOREIGN KEY/)
    s.prepare(`DELETE FROM runs WHERE id = 'r'`).run()
    expect(s.prepare('SELECT count(*) FROM run_events').pluck().get()).toBe(0)
  })
})
