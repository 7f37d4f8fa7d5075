import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm'
import type { Db } from '../db/open.ts'
import { auditLog } from '../db/schema.ts'
import type { AuditLog } from './audit-log.ts'
import { decodeCursor, encodeCursor, pageSize } from './cursor.ts'
import { type StoreDeps, withDefaults } from './deps.ts'
import { groupCommit } from './group-commit.ts'

/**
 * The `AuditLog` on SQLite. Pages by the autoincrement id, which is also the order of appends. Appends
 * go through the connection's group commit.
 * @example await audit.append({ actor: 'alice', action: 'playbook.publish', target: 'triage', details: { version: 2 } })
 */
export function createSqliteAuditLog(db: Db, deps?: StoreDeps): AuditLog {
  const { now } = withDefaults(deps)
  const writes = groupCommit(db.$client)
  // Prepared once: appends come with every production run.
  const insert = db.$client
    .prepare<unknown[], number>(
      'INSERT INTO audit_log (at, actor, action, target, details) VALUES (?, ?, ?, ?, ?) RETURNING id',
    )
    .pluck()
  return {
    async append(entry) {
      const at = now()
      const target = entry.target ?? null
      const details = entry.details ?? null
      // Serialised now: the entry is what it was when appended, whenever the commit runs.
      const json = details === null ? null : JSON.stringify(details)
      const id = await writes.submit(() => insert.get(at, entry.actor, entry.action, target, json)!)
      return { id, at, actor: entry.actor, action: entry.action, target, details }
    },
    async list(filter = {}, page = {}) {
      const limit = pageSize(page.limit, 100, 1000)
      const where: SQL[] = []
      if (filter.actor !== undefined) where.push(eq(auditLog.actor, filter.actor))
      if (filter.action !== undefined) where.push(eq(auditLog.action, filter.action))
      if (filter.target !== undefined) where.push(eq(auditLog.target, filter.target))
      if (filter.from !== undefined) where.push(gte(auditLog.at, filter.from))
      if (filter.to !== undefined) where.push(lt(auditLog.at, filter.to))
      if (page.cursor) where.push(lt(auditLog.id, decodeCursor(page.cursor)[0]))
      const rows = db
        .select()
        .from(auditLog)
        .where(and(...where))
        .orderBy(desc(auditLog.id))
        .limit(limit + 1)
        .all()
      const items = rows.slice(0, limit)
      const last = items.at(-1)
      return rows.length > limit && last ? { items, nextCursor: encodeCursor([last.id, '']) } : { items }
    },
  }
}
